using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class ToolkitAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly March2008 = new(2008, 3, 1);
    private static readonly DateOnly June2008 = new(2008, 6, 30);

    private static ToolkitAssessment Record(ToolkitAssessmentStatus status = ToolkitAssessmentStatus.Planned, DateOnly? startedOn = null, DateOnly? completedOn = null,
        string agency = "fao", Country? country = null, string findings = "") =>
        ToolkitAssessment.Record(agency, country, status, startedOn, completedOn, supportedByOrganisation: true, findings, Now);

    [Fact]
    public void Record_WhenAgencyWide_NormalisesTheAgencyAndKeysItWithoutACountry()
    {
        var assessment = Record(findings: "  Employment central to food security  ");

        Assert.Equal(("FAO", "", ToolkitAssessmentStatus.Planned, true), (assessment.Agency, assessment.CountryCode, assessment.Status, assessment.SupportedByOrganisation));
        Assert.Equal(("FAO|", $"FAO  {assessment.Id:N}"), (assessment.AgencyScopeKey, assessment.SortKey));
        Assert.Equal("Employment central to food security", assessment.Findings);
        Assert.Empty(assessment.PendingEvents());
    }

    [Fact]
    public void Record_WhenInACountry_KeysItByAgencyAndCountry()
    {
        var assessment = Record(ToolkitAssessmentStatus.Completed, March2008, June2008, "undp", Countries.ByCode["TZA"]);
        Assert.Equal(("TZA", "UNDP|TZA", (DateOnly?)June2008), (assessment.CountryCode, assessment.AgencyScopeKey, assessment.CompletedOn));
    }

    [Fact]
    public void SortKey_PutsAnAgencyBeforeLongerAcronymsAndItsAgencyWideAssessmentFirst()
    {
        var keys = new[] { Record(agency: "ITU-D"), Record(agency: "ITU", country: Countries.ByCode["TZA"]), Record(agency: "ITU") }
            .Select(a => (a.Agency, a.CountryCode, a.SortKey)).OrderBy(k => k.SortKey, StringComparer.Ordinal).ToList();
        Assert.Equal([("ITU", ""), ("ITU", "TZA"), ("ITU-D", "")], keys.Select(k => (k.Agency, k.CountryCode)));
    }

    [Fact]
    public void Record_WhenPlannedWithADate_IsNotPossible() =>
        Assert.Contains("planned", Assert.Throws<DomainRuleException>(() => Record(ToolkitAssessmentStatus.Planned, startedOn: March2008)).Message);

    [Fact]
    public void Record_WhenInProgressWithoutAStartOrWithACompletion_IsNotPossible()
    {
        Assert.Contains("day it started", Assert.Throws<DomainRuleException>(() => Record(ToolkitAssessmentStatus.InProgress)).Message);
        Assert.Throws<DomainRuleException>(() => Record(ToolkitAssessmentStatus.InProgress, March2008, June2008));
    }

    [Fact]
    public void Record_WhenCompletedWithoutACompletionDate_IsNotPossible() =>
        Assert.Contains("day it was completed", Assert.Throws<DomainRuleException>(() => Record(ToolkitAssessmentStatus.Completed, March2008)).Message);

    [Fact]
    public void Record_WhenCompletedBeforeItStarted_IsNotPossible() =>
        Assert.Contains("before it started", Assert.Throws<DomainRuleException>(() => Record(ToolkitAssessmentStatus.Completed, June2008, March2008)).Message);

    [Fact]
    public void Record_WhenCompletedWithoutAStart_IsPossible() =>
        Assert.Null(Record(ToolkitAssessmentStatus.Completed, completedOn: June2008).StartedOn);

    [Fact]
    public void Record_WhenADateIsBeforeTheToolkitExisted_IsNotPossible() =>
        Assert.Contains("2007", Assert.Throws<DomainRuleException>(() => Record(ToolkitAssessmentStatus.InProgress, new DateOnly(2006, 12, 31))).Message);

    [Fact]
    public void Record_WhenTheAgencyOrFindingsAreBad_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Record(agency: "F"));
        Assert.Throws<DomainRuleException>(() => Record(findings: new string('f', ToolkitAssessment.MaxFindingsLength + 1)));
    }

    [Fact]
    public void ChangeStatus_WhenForwardOrAgain_MovesOnceAndKeepsEachDate()
    {
        var assessment = Record();

        Assert.True(assessment.ChangeStatus(ToolkitAssessmentStatus.InProgress, March2008));
        Assert.False(assessment.ChangeStatus(ToolkitAssessmentStatus.InProgress, June2008));
        Assert.True(assessment.ChangeStatus(ToolkitAssessmentStatus.Completed, June2008));

        Assert.Equal((ToolkitAssessmentStatus.Completed, (DateOnly?)March2008, (DateOnly?)June2008), (assessment.Status, assessment.StartedOn, assessment.CompletedOn));
    }

    [Fact]
    public void ChangeStatus_WhenPlannedStraightToCompleted_SkipsTheStart()
    {
        var assessment = Record();
        Assert.True(assessment.ChangeStatus(ToolkitAssessmentStatus.Completed, June2008));
        Assert.Equal(((DateOnly?)null, (DateOnly?)June2008), (assessment.StartedOn, assessment.CompletedOn));
    }

    [Fact]
    public void ChangeStatus_WhenBackwards_IsNotPossible()
    {
        var assessment = Record(ToolkitAssessmentStatus.Completed, completedOn: June2008);
        Assert.Contains("cannot go back", Assert.Throws<DomainRuleException>(() => assessment.ChangeStatus(ToolkitAssessmentStatus.InProgress, June2008)).Message);
    }

    [Fact]
    public void ChangeStatus_WhenCompletedBeforeTheStart_IsNotPossible()
    {
        var assessment = Record(ToolkitAssessmentStatus.InProgress, June2008);
        Assert.Contains("cannot be completed before", Assert.Throws<DomainRuleException>(() => assessment.ChangeStatus(ToolkitAssessmentStatus.Completed, March2008)).Message);
        Assert.Equal(ToolkitAssessmentStatus.InProgress, assessment.Status);
    }

    [Fact]
    public void ChangeStatus_WhenTheTargetIsPlannedOrTheDayTooEarly_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Record().ChangeStatus(ToolkitAssessmentStatus.Planned, March2008));
        Assert.Throws<DomainRuleException>(() => Record().ChangeStatus(ToolkitAssessmentStatus.InProgress, new DateOnly(2006, 1, 1)));
    }
}

public class ToolkitAssessmentReportTests
{
    private static readonly DateTimeOffset Now = new(2008, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2008, 6, 30);

    private static ToolkitAssessment Assessment(string agency, ToolkitAssessmentStatus status, string? country = null, bool supported = true) =>
        ToolkitAssessment.Record(agency, country is null ? null : Countries.ByCode[country], status,
            status == ToolkitAssessmentStatus.InProgress ? Day : null, status == ToolkitAssessmentStatus.Completed ? Day : null, supported, "", Now);

    [Fact]
    public void Summarise_CountsEachAgencyWithACompletedAssessmentOnce()
    {
        var report = ToolkitAssessmentReport.Summarise(
        [
            Assessment("UNDP", ToolkitAssessmentStatus.Completed),
            Assessment("UNDP", ToolkitAssessmentStatus.Completed, "TZA"),
            Assessment("FAO", ToolkitAssessmentStatus.Completed, supported: false),
            Assessment("UNESCO", ToolkitAssessmentStatus.InProgress),
            Assessment("WHO", ToolkitAssessmentStatus.Planned),
            Assessment("WFP", ToolkitAssessmentStatus.Planned, "TZA"),
        ]);

        Assert.Equal(["FAO", "UNDP"], report.CompletedAgencies);
        Assert.Equal((3, 1, 2, 2), (report.CompletedCount, report.InProgressCount, report.PlannedCount, report.CompletedWithOrganisationSupportCount));
        Assert.Equal(["TZA"], report.CompletedCountryCodes);
    }

    [Fact]
    public void Summarise_WhenNothingIsRecorded_IsAllZero()
    {
        var report = ToolkitAssessmentReport.Summarise([]);
        Assert.Equal((0, 0, 0, 0), (report.CompletedAgencies.Count, report.CompletedCount, report.InProgressCount, report.PlannedCount));
    }
}
