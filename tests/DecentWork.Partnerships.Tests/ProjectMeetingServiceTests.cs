using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>RecordProjectMeeting, SetProjectCommittee and ReportProjectParticipation over gRPC. Each test has a country of its own.</summary>
public class ProjectMeetingServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static StakeholderParticipation People(StakeholderGroup group, int women, int men) => new() { Group = group, Women = women, Men = men };

    private static RecordProjectMeetingRequest Meeting(Project project, Date heldOn, params StakeholderParticipation[] people)
    {
        var request = new RecordProjectMeetingRequest
        {
            ProjectId = project.Id, Kind = ProjectMeetingKind.StakeholderConsultation, HeldOn = heldOn, Place = "Lusaka",
            DocumentUri = "https://example.org/minutes.pdf",
        };
        request.Participants.AddRange(people.Length == 0 ? [People(StakeholderGroup.Workers, 2, 3)] : people);
        return request;
    }

    private async Task<Project> ProjectAsync(string country)
    {
        var partner = await _steps.Staff.RegisterPartnerAsync(Requests.Partner());
        return await _steps.ProjectAsync(partner.Id, 100_000m, country: country, startYear: 2006, endYear: 2008);
    }

    private Task<ReportProjectParticipationResponse> ReportAsync(string country, int startYear = 0, int endYear = 0) =>
        _steps.Staff.ReportProjectParticipationAsync(new ReportProjectParticipationRequest { CountryCode = country, StartYear = startYear, EndYear = endYear }).ResponseAsync;

    [Fact]
    public async Task RecordProjectMeetingAndSetProjectCommittee_WhenValid_AreListedAndReportedByGroup()
    {
        var project = await ProjectAsync("MWI");
        await _steps.Staff.RecordProjectMeetingAsync(Meeting(project, Day(2006, 5, 2), People(StakeholderGroup.Government, 1, 2), People(StakeholderGroup.Workers, 4, 1)));
        var second = Meeting(project, Day(2007, 3, 1), People(StakeholderGroup.Workers, 2, 2), People(StakeholderGroup.Other, 5, 0));
        second.Kind = ProjectMeetingKind.TripartiteCommittee;
        await _steps.Staff.RecordProjectMeetingAsync(second);
        var committee = new SetProjectCommitteeRequest { ProjectId = project.Id, Name = "Project Advisory Committee", EstablishedOn = Day(2006, 2, 1) };
        committee.Members.Add(People(StakeholderGroup.Employers, 1, 1));
        var read = await _steps.Staff.SetProjectCommitteeAsync(committee);

        Assert.Equal([(ProjectMeetingKind.StakeholderConsultation, 2006), (ProjectMeetingKind.TripartiteCommittee, 2007)], read.Meetings.Select(m => (m.Kind, m.HeldOn.Year)));
        Assert.Equal(await fixture.Service.DisplayOfAsync(TestCaller.ProgrammeStaff), read.Meetings[0].RecordedBy);
        Assert.Equal(("Project Advisory Committee", 2), (read.Committee.Name, read.Committee.Members[0].Women + read.Committee.Members[0].Men));
        var all = await ReportAsync("MWI");
        Assert.Equal((2, 1, 1), (all.MeetingCount, all.ProjectCount, all.CommitteeCount));
        Assert.Equal([(StakeholderGroup.Government, 1, 2, 1), (StakeholderGroup.Employers, 0, 0, 0), (StakeholderGroup.Workers, 6, 3, 2), (StakeholderGroup.Other, 5, 0, 1)],
            all.Meetings.Select(r => (r.Group, r.Women, r.Men, r.GatheringCount)));
        Assert.Equal((1, 1, 1), (all.CommitteeMembers[1].Women, all.CommitteeMembers[1].Men, all.CommitteeMembers[1].GatheringCount));
        var only2007 = await ReportAsync("MWI", 2007, 2007);
        Assert.Equal((1, 0), (only2007.MeetingCount, only2007.CommitteeCount));
    }

    [Fact]
    public async Task RecordProjectMeeting_WhenManyAreRecordedOnOneProjectAtOnce_KeepsEveryOne()
    {
        var project = await ProjectAsync("UGA");

        // Eight changes of one project at once, none naming a version: each one that loses the race
        // on the project is applied again to the winner's state, so all succeed and none is lost.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(day => _steps.Staff.RecordProjectMeetingAsync(Meeting(project, Day(2007, 5, day))).ResponseAsync));

        var read = await _steps.Staff.GetProjectAsync(new GetProjectRequest { Id = project.Id });
        Assert.Equal(Enumerable.Range(1, 8), read.Meetings.Select(m => m.HeldOn.Day).Order());
        Assert.Equal(project.Version + 8, read.Version);
        Assert.Equal(8, (await ReportAsync("UGA")).MeetingCount);
    }

    [Fact]
    public async Task RecordProjectMeeting_WhenOutsideTheProjectsPeriodOrInTheFuture_IsRefusedAndChangesNothing()
    {
        var project = await ProjectAsync("ZWE");

        var outside = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.Staff.RecordProjectMeetingAsync(Meeting(project, Day(2009, 1, 5))).ResponseAsync);
        await RpcAssert.InvalidFields(() => _steps.Staff.RecordProjectMeetingAsync(Meeting(project, Day(System.DateTime.UtcNow.Year + 1, 1, 1))).ResponseAsync, "held_on");

        Assert.Contains("outside", outside.Status.Detail);
        Assert.Empty((await _steps.Staff.GetProjectAsync(new GetProjectRequest { Id = project.Id })).Meetings);
        Assert.Equal(0, (await ReportAsync("ZWE")).MeetingCount);
    }

    [Fact]
    public async Task RecordProjectMeeting_WhenTheProjectIsWithdrawn_IsRefused()
    {
        var project = await ProjectAsync("NAM");
        await _steps.Staff.WithdrawProjectAsync(new WithdrawProjectRequest { Id = project.Id, Reason = "Cancelled by the donor" });

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.Staff.RecordProjectMeetingAsync(Meeting(project, Day(2007, 1, 5))).ResponseAsync);
    }

    [Fact]
    public async Task RecordProjectMeetingAndSetProjectCommittee_WhenFieldsAreBad_NameEachField()
    {
        var bad = new RecordProjectMeetingRequest { ProjectId = "x", Place = " ", DocumentUri = "ftp://x", ExpectedVersion = -1 };
        bad.Participants.Add(new StakeholderParticipation { Group = StakeholderGroup.Workers, Women = -1 });
        bad.Participants.Add(new StakeholderParticipation { Group = StakeholderGroup.Workers });

        await RpcAssert.InvalidFields(() => _steps.Staff.RecordProjectMeetingAsync(bad).ResponseAsync,
            "project_id", "kind", "held_on", "place", "participants", "participants[0].women", "participants[1]", "document_uri", "expected_version");
        await RpcAssert.InvalidFields(() => _steps.Staff.SetProjectCommitteeAsync(new SetProjectCommitteeRequest { ProjectId = Guid.NewGuid().ToString() }).ResponseAsync,
            "name", "established_on", "members");
    }

    [Fact]
    public async Task ReportProjectParticipation_WhenPartnerAgency_CountsOnlyTheProjectsItFunds()
    {
        var funded = await ProjectAsync("BWA");
        var other = await ProjectAsync("BWA");
        await _steps.Staff.RecordProjectMeetingAsync(Meeting(funded, Day(2007, 2, 2)));
        await _steps.Staff.RecordProjectMeetingAsync(Meeting(other, Day(2007, 2, 3)));
        var partner = await _steps.Staff.GetPartnerAsync(new GetPartnerRequest { Id = funded.PartnerIds[0] });
        var agency = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.PartnerAgency(partner.Name)));

        var seen = await agency.ReportProjectParticipationAsync(new ReportProjectParticipationRequest { CountryCode = "BWA" });

        Assert.Equal((1, 1), (seen.MeetingCount, seen.ProjectCount));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agency.RecordProjectMeetingAsync(Meeting(funded, Day(2007, 2, 4))).ResponseAsync);
    }
}
