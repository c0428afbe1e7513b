using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class RatificationTargetTests
{
    private static RatificationTarget Target(int convention, string country, string projectCode = "RAF/07/01/FRA") =>
        RatificationTarget.Target(convention, Countries.ByCode[country], "Targeted regional approach, funded by France", null, projectCode,
            null, "France", new(2007, 1, 15), ByOfficer);

    [Fact]
    public void Target_WhenValid_KeysItByConventionAndCountry()
    {
        var target = Target(144, "SEN", "raf/07/01/fra");
        Assert.Equal(("C144|SEN", "RAF/07/01/FRA", false), (target.TargetKey, target.SupportingProjectCode, target.IsRatified));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(193)]
    public void Target_WhenTheConventionNumberIsOutOfRange_IsNotPossible(int convention) =>
        Assert.Throws<DomainRuleException>(() => Target(convention, "SEN"));

    [Fact]
    public void Target_WithoutASupportingProject_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Target(122, "SEN", " "));

    [Fact]
    public void RecordRatification_WhenOnOrAfterTheTarget_IsRecordedOnce()
    {
        var target = Target(122, "BFA");
        target.RecordRatification(new(2009, 4, 1), ByOfficer);
        Assert.Equal(new DateOnly(2009, 4, 1), target.RatifiedOn);
        Assert.Throws<DomainRuleException>(() => target.RecordRatification(new(2009, 5, 1), ByOfficer));
    }

    [Fact]
    public void RecordRatification_BeforeTheTargetOrInTheFuture_IsNotPossible()
    {
        var target = Target(122, "BFA");
        Assert.Throws<DomainRuleException>(() => target.RecordRatification(new(2006, 12, 31), ByOfficer));
        Assert.Throws<DomainRuleException>(() => target.RecordRatification(new(2030, 1, 1), ByOfficer));
        Assert.False(target.IsRatified);
    }

    [Fact]
    public void RatificationReport_ByConvention_SeparatesRatifiedFromPending()
    {
        var senegal = Target(144, "SEN");
        senegal.RecordRatification(new(2008, 1, 10), ByOfficer);
        var targets = new[] { senegal, Target(144, "MLI"), Target(144, "BFA"), Target(122, "BFA") };

        var report = RatificationReport.From(new RatificationTargetsProjection().BucketsOf(targets));

        Assert.Equal([122, 144], report.Select(r => r.ConventionNumber));
        Assert.Equal(3, report[1].TargetedCount);
        Assert.Equal(["SEN"], report[1].Ratified);
        Assert.Equal(["BFA", "MLI"], report[1].Pending);
        Assert.Equal((1, 0), (report[0].TargetedCount, report[0].Ratified.Count));
    }
}
