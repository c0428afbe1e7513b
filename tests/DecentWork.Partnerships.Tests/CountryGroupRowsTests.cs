using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Date = Google.Type.Date;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// ReportFundingApprovals grouped by country group, and ReportAfricaShare and ReportProjectParticipation
/// filtered by it, over coordination's CountryStatusChanged on the real broker. The statuses are made
/// up, so an ignored group gives other figures: Chile least developed 2070 to mid-2082, Uruguay in
/// crisis from March 2081, Paraguay both, Argentina neither; Ghana least developed from 2080
/// (Kenya neither); Mongolia least developed 2000-2009 (Tunisia neither). Each test has years of its own.
/// </summary>
public class CountryGroupRowsTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private const long Revision = 5000;
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static CountryStatusPeriod Period(int fromYear, DateOnly? until = null) => new(new DateOnly(fromYear, 1, 1), until);

    private Task Status(string country, CountryStatusPeriod[] leastDeveloped, params CountryStatusPeriod[] crises) =>
        fixture.Bus.Publish(new CountryStatusChanged(country, leastDeveloped, crises, Revision, ChangedAt, "Made up for a test"));

    private async Task<FundingApproval> Approve(Partner partner, int year, params (decimal Amount, string Country)[] parts)
    {
        var request = new RecordFundingApprovalRequest { PartnerId = partner.Id, Year = year, Amount = ProtoConvert.ToMoney(parts.Sum(p => p.Amount)) };
        // A part without a country goes to Africa as a region.
        request.Allocations.AddRange(parts.Select(p => p.Country.Length > 0
            ? new FundingAllocation { Amount = ProtoConvert.ToMoney(p.Amount), CountryCode = p.Country }
            : new FundingAllocation { Amount = ProtoConvert.ToMoney(p.Amount), Region = Region.Africa }));
        return await _client.RecordFundingApprovalAsync(request);
    }

    private Task<ReportFundingApprovalsResponse> ByGroup(int startYear, int endYear, Date? on = null, CountryGroup filter = CountryGroup.Unspecified,
        FundingApprovalGrouping by = FundingApprovalGrouping.CountryGroup) =>
        _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = by, StartYear = startYear, EndYear = endYear, CountryGroupOn = on, CountryGroup = filter,
        }).ResponseAsync;

    private static List<(string Key, decimal Amount, int Count)> Rows(ReportFundingApprovalsResponse r) =>
        [.. r.Totals.Select(t => (t.Key, ProtoConvert.ToDecimal(t.Amount), t.ApprovalCount))];

    [Fact]
    public async Task ReportFundingApprovals_WhenGroupedByCountryGroup_GivesOverlappingRowsPerGroupAndTheMoneyAllocatedToNoCountry()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Government of Spain"));
        await Approve(partner, 2081, (100m, "CHL"));
        await Approve(partner, 2081, (40m, "URY"), (60m, "ARG"));
        await Approve(partner, 2081, (25m, "PRY"));
        await Approve(partner, 2081, (30m, ""));
        await Approve(partner, 2082, (50m, "CHL"));
        var cancelled = await Approve(partner, 2082, (70m, "CHL"));
        await _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = cancelled.Id, Reason = "Recorded twice" });
        await Status("CHL", [Period(2070, new DateOnly(2082, 7, 1))]);
        await Status("URY", [], Period(2081));
        await Status("PRY", [Period(1971)], Period(2080));
        await Eventually.Until(() => ByGroup(2081, 2082), r => r.Totals[0].ApprovalCount == 3 && r.Totals[1].ApprovalCount == 2, what: "the statuses copied");

        // Each year's group: Chile is least developed in both years (it graduates in July 2082).
        var byYear = await ByGroup(2081, 2082);
        Assert.Equal([("COUNTRY_GROUP_LEAST_DEVELOPED", 175m, 3), ("COUNTRY_GROUP_IN_CRISIS", 65m, 2), ("COUNTRY_GROUP_NEITHER", 60m, 1),
            ("COUNTRY_GROUP_LEAST_DEVELOPED_OR_IN_CRISIS", 215m, 4), ("COUNTRY_GROUP_UNSPECIFIED", 30m, 1)], Rows(byYear));
        // The cancelled approval counts nowhere; neither, least developed or in crisis, and no country make the total.
        Assert.Equal((305m, 5), (ProtoConvert.ToDecimal(byYear.TotalAmount), byYear.ApprovalCount));
        Assert.Equal(["57.38", "21.31", "19.67", "70.49", "9.84"], byYear.Totals.Select(t => t.SharePercent));
        Assert.Equal(["Least developed countries", "Allocated to no country"], new[] { byYear.Totals[0].Label, byYear.Totals[4].Label });
        // Each row is the report filtered by that group.
        var filtered = await ByGroup(2081, 2082, filter: CountryGroup.LeastDeveloped, by: FundingApprovalGrouping.Year);
        Assert.Equal((175m, 3), (ProtoConvert.ToDecimal(filtered.TotalAmount), filtered.ApprovalCount));

        // On a day after Chile's graduation, for every year.
        Assert.Equal([("COUNTRY_GROUP_LEAST_DEVELOPED", 25m, 1), ("COUNTRY_GROUP_IN_CRISIS", 65m, 2), ("COUNTRY_GROUP_NEITHER", 210m, 3),
            ("COUNTRY_GROUP_LEAST_DEVELOPED_OR_IN_CRISIS", 65m, 2), ("COUNTRY_GROUP_UNSPECIFIED", 30m, 1)], Rows(await ByGroup(2081, 2082, Day(2083, 1, 1))));
        // Growth takes the grouping too: 2082 against 2081.
        var growth = await _client.ReportFundingGrowthAsync(new ReportFundingGrowthRequest { Year = 2082, GroupBy = FundingApprovalGrouping.CountryGroup });
        Assert.Equal("-60.00", growth.Rows.Single(r => r.Key == "COUNTRY_GROUP_LEAST_DEVELOPED").ChangePercent);
    }

    [Fact]
    public async Task ReportAfricaShare_WhenFilteredByCountryGroup_SharesOnlyTheGroupsMoney()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Government of Italy"));
        await Approve(partner, 2085, (100m, "GHA"), (50m, "KEN"), (20m, ""));
        await Approve(partner, 2085, (30m, "PRY"));
        await Approve(partner, 2086, (200m, "GHA"), (10m, "PRY"));
        await Status("GHA", [Period(2080)]);
        await Status("PRY", [Period(1971)], Period(2080));
        Task<AfricaShareReport> Africa(CountryGroup group, Date? on = null) =>
            _client.ReportAfricaShareAsync(new ReportAfricaShareRequest { StartYear = 2086, EndYear = 2086, CountryGroup = group, CountryGroupOn = on }).ResponseAsync;
        await Eventually.Until(() => Africa(CountryGroup.LeastDeveloped), r => r.Years[0].TotalAmount.Units == 210, what: "the statuses copied");

        var all = (await Africa(CountryGroup.Unspecified)).Years.Single();
        Assert.Equal(("95.24", "17.65", "5.00"), (all.AfricaSharePercent, all.AfricaChangePercent, all.TotalChangePercent));
        var least = (await Africa(CountryGroup.LeastDeveloped)).Years.Single();
        // 2085's base is the group's too: Ghana 100 of 130, not all of Africa's 170.
        Assert.Equal((200m, 210m, "95.24", "100.00", "61.54"), (ProtoConvert.ToDecimal(least.AfricaAmount), ProtoConvert.ToDecimal(least.TotalAmount),
            least.AfricaSharePercent, least.AfricaChangePercent, least.TotalChangePercent));
        var before = (await Africa(CountryGroup.LeastDeveloped, Day(2079, 1, 1))).Years.Single();
        Assert.Equal((0m, 10m), (ProtoConvert.ToDecimal(before.AfricaAmount), ProtoConvert.ToDecimal(before.TotalAmount)));
    }

    [Fact]
    public async Task ReportProjectParticipation_WhenFilteredByCountryGroup_CountsSingleCountryProjectsInTheMeetingsYear()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Government of Korea"));
        var mongolia = await ProjectIn(partner, "MNG");
        var tunisia = await ProjectIn(partner, "TUN");
        var both = await ProjectIn(partner, "MNG", "TUN");
        await Meet(mongolia, Day(2008, 5, 2));
        await Meet(mongolia, Day(2012, 5, 2));
        await Meet(tunisia, Day(2008, 6, 1));
        await Meet(both, Day(2008, 7, 1));
        var committee = new SetProjectCommitteeRequest { ProjectId = mongolia.Id, Name = "Project Advisory Committee", EstablishedOn = Day(2005, 2, 1) };
        committee.Members.Add(new StakeholderParticipation { Group = StakeholderGroup.Employers, Women = 1, Men = 1 });
        await _client.SetProjectCommitteeAsync(committee);
        await Status("MNG", [Period(2000, new DateOnly(2010, 1, 1))]);
        Task<ReportProjectParticipationResponse> Report(CountryGroup group, Date? on = null) =>
            _client.ReportProjectParticipationAsync(new ReportProjectParticipationRequest { StartYear = 2005, EndYear = 2012, CountryGroup = group, CountryGroupOn = on }).ResponseAsync;
        await Eventually.Until(() => Report(CountryGroup.LeastDeveloped), r => r.MeetingCount == 1, what: "Mongolia's status copied");

        Assert.Equal((4, 3, 1), Counts(await Report(CountryGroup.Unspecified)));
        Assert.Equal((1, 1, 1), Counts(await Report(CountryGroup.LeastDeveloped)));
        // 2012 is after Mongolia's made-up graduation: that meeting is in neither group, as is Tunisia's.
        Assert.Equal((2, 2, 0), Counts(await Report(CountryGroup.Neither)));
        Assert.Equal((2, 1, 1), Counts(await Report(CountryGroup.LeastDeveloped, Day(2009, 6, 1))));
        Assert.Equal((0, 0, 0), Counts(await Report(CountryGroup.InCrisis)));
    }

    private static (int Meetings, int Projects, int Committees) Counts(ReportProjectParticipationResponse r) => (r.MeetingCount, r.ProjectCount, r.CommitteeCount);

    private Task<Project> ProjectIn(Partner partner, params string[] countries) =>
        _client.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"grp/{Guid.NewGuid():N}", Title = "Social dialogue for rural workers", CountryCodes = { countries }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(100_000m), StartDate = Day(2005, 1, 1), EndDate = Day(2013, 12, 31),
        }).ResponseAsync;

    private Task<Project> Meet(Project project, Date heldOn)
    {
        var request = new RecordProjectMeetingRequest
        {
            ProjectId = project.Id, Kind = ProjectMeetingKind.StakeholderConsultation, HeldOn = heldOn, Place = "Ulaanbaatar",
        };
        request.Participants.Add(new StakeholderParticipation { Group = StakeholderGroup.Workers, Women = 2, Men = 3 });
        return _client.RecordProjectMeetingAsync(request).ResponseAsync;
    }

    [Fact]
    public async Task CountryGroupReports_WhenTheGroupOrDayIsBadOrCombinedWithTheGrouping_NameTheFields()
    {
        var badDay = Day(2011, 2, 30);
        await RpcAssert.InvalidFields(() => _client.ReportAfricaShareAsync(new ReportAfricaShareRequest
        {
            StartYear = 2007, EndYear = 2007, CountryGroup = (CountryGroup)9, CountryGroupOn = badDay,
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => _client.ReportProjectParticipationAsync(new ReportProjectParticipationRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = badDay,
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => ByGroup(2007, 2007, filter: CountryGroup.LeastDeveloped), "country_group");
        await RpcAssert.InvalidFields(() => ByGroup(2007, 2007, on: badDay), "country_group_on");
    }
}
