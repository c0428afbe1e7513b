using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Partnerships.V1;
using ReportLabels = DecentWork.Partnerships.Grpc.ReportLabels;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.Testing;
using Date = Google.Type.Date;
using IloRegion = DecentWork.ServiceDefaults.Reference.IloRegion;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// ReportDelivery (every grouping), ReportExpenditureGrowth and ReportProjectParticipation, read
/// from per-place, per-partner and per-country buckets, checked figure by figure against a direct
/// count over what each test recorded, in a store of this class's own. Projects in several
/// countries, two partners and sources, money over several years, meetings in years with gaps.
/// Haiti is in crisis in 2004 and 2007 only, so a per-year crisis filter splits its years.
/// </summary>
public class FinanceAndParticipationTotalsTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FinanceSteps _steps = new(fixture);
    private PartnershipsService.PartnershipsServiceClient Client => _steps.Staff;

    private sealed record Planned(Project Project, string[] Countries, Guid[] Partners);

    /// <summary>One amount as the test recorded it, with where the rules say it counts.</summary>
    private sealed record Money(Planned Project, int Year, FundingSource Source, Guid Partner, string Figure, decimal Usd)
    {
        public string Country => Project.Countries.Length == 1 ? Project.Countries[0] : "";

        public IloRegion Region => Project.Countries.Select(c => Countries.TryFind(c, out var found) ? found!.Region : 0).Distinct().ToList() is [var one] ? one : 0;
    }

    private sealed record Meeting(Planned Project, int Year, int Women, int Men);

    private static decimal Usd(Google.Type.Money money) => ProtoConvert.ToDecimal(money);

    private async Task<Planned> ProjectAsync(string[] countries, params Partner[] partners)
    {
        var project = await Client.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"T/{Guid.NewGuid():N}", Title = "Totals", CountryCodes = { countries }, PartnerIds = { partners.Select(p => p.Id) },
            Budget = ProtoConvert.ToMoney(100_000_000m),
            StartDate = new Date { Year = 2001, Month = 1, Day = 1 }, EndDate = new Date { Year = 2012, Month = 12, Day = 31 },
        });
        return new Planned(project, countries, [.. partners.Select(p => Guid.Parse(p.Id))]);
    }

    private async Task KnowStatusesAsync(Func<Task<bool>> copied)
    {
        // High revisions, so that a seed from elsewhere on the broker cannot overtake them.
        await fixture.Bus.Publish(new CountryStatusChanged("NPL", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        await fixture.Bus.Publish(new CountryStatusChanged("HTI", [],
            [new CountryStatusPeriod(new(2004, 2, 1), new(2004, 9, 1)), new CountryStatusPeriod(new(2007, 3, 1), new(2007, 6, 1))], 1000, ChangedAt, "Unrest"));
        await Eventually.Until(copied, done => done, what: "both statuses copied");
    }

    private static bool InCrisis(string country, int year) => country == "HTI" && year is 2004 or 2007;

    [Fact]
    public async Task ReportDeliveryAndExpenditureGrowth_OverPlacesAndPartners_EqualADirectCountOfTheMoney()
    {
        var (a, b) = (await Client.RegisterPartnerAsync(Requests.Partner()), await Client.RegisterPartnerAsync(Requests.Partner()));
        var programme = await fixture.KnownProgrammeAsync();
        var fromA = await Client.RecordFundingApprovalAsync(Requests.Approval(a.Id, programme, 50_000_000m, 2005));
        var rbsa = Requests.Approval(b.Id, programme, 50_000_000m, 2005);
        rbsa.Source = FundingSource.Rbsa;
        var fromB = await Client.RecordFundingApprovalAsync(rbsa);
        Planned[] projects =
        [
            await ProjectAsync(["ZMB"], a), await ProjectAsync(["KEN"], a), await ProjectAsync(["ZMB"], b), await ProjectAsync(["HTI"], b),
            await ProjectAsync(["ZMB", "KEN"], a, b), await ProjectAsync(["NPL", "HTI"], a),
        ];
        var money = new List<Money>();
        for (var i = 0; i < projects.Length; i++)
        {
            var project = projects[i];
            foreach (var year in new[] { 2003, 2004, 2006, 2007 }.Where((_, n) => (n + i) % 3 != 0))
                foreach (var (partner, approval, source) in new[] { (a, fromA, FundingSource.ExtraBudgetary), (b, fromB, FundingSource.Rbsa) }
                    .Where(f => project.Partners.Contains(Guid.Parse(f.Item1.Id))))
                {
                    var amount = 10_000m * (i + 1) + year;
                    await _steps.BudgetAsync(project.Project, approval, year, amount);
                    money.Add(new Money(project, year, source, Guid.Parse(partner.Id), "budget", amount));
                }
        }
        // A transaction counts under the project's one partner and its budget's one source, else none.
        var rows = new List<string>();
        for (var i = 0; i < projects.Length; i++)
        {
            var project = projects[i];
            var sources = money.Where(m => m.Project == project).Select(m => m.Source).Distinct().ToList();
            var (source, partner) = (sources is [var one] ? one : 0, project.Partners is [var only] ? only : Guid.Empty);
            foreach (var (year, type) in new[] { (2003, "expenditure"), (2004, "commitment"), (2006, "expenditure"), (2007, "disbursement"), (2007, "expenditure") })
            {
                var amount = 1_000m * (i + 1) + year % 100;
                rows.Add(FinanceSteps.Row(FinanceSteps.NewLineId(), project.Project, type, $"{year}-05-02", $"{amount}"));
                money.Add(new Money(project, year, source, partner, type, amount));
            }
        }
        await Client.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false, [.. rows]));
        await KnowStatusesAsync(async () => (await Client.ReportDeliveryAsync(new ReportDeliveryRequest
            { GroupBy = DeliveryGrouping.Country, CountryGroup = CountryGroup.InCrisis })).Rows.Count == 1);

        foreach (var (start, end) in new[] { (0, 0), (2004, 2006), (2007, 2007), (2003, 2012) })
            foreach (var source in new FundingSource?[] { null, FundingSource.Rbsa, FundingSource.RegularBudgetTc })
                foreach (var groupBy in Enum.GetValues<DeliveryGrouping>().Where(g => g != DeliveryGrouping.Unspecified))
                {
                    var counted = money.Where(m => (start == 0 || m.Year >= start) && (end == 0 || m.Year <= end) && (source is null || m.Source == source)).ToList();
                    var request = new ReportDeliveryRequest { GroupBy = groupBy, StartYear = start, EndYear = end, Source = source ?? 0 };
                    AssertDelivery(counted, groupBy, await Client.ReportDeliveryAsync(request), $"{groupBy} {start}-{end} {source}");
                    request.CountryGroup = CountryGroup.InCrisis;
                    AssertDelivery([.. counted.Where(m => InCrisis(m.Country, m.Year))], groupBy, await Client.ReportDeliveryAsync(request), $"{groupBy} {start}-{end} {source} in crisis");
                }

        foreach (var year in new[] { 2004, 2007, 2008 })
        {
            var growth = await Client.ReportExpenditureGrowthAsync(new ReportExpenditureGrowthRequest { Year = year });
            var spent = money.Where(m => m.Figure == "expenditure" && m.Year is var y && (y == year || y == year - 1)).ToList();
            Assert.Equal([.. spent.GroupBy(m => m.Region).Where(g => g.Any(m => m.Usd != 0)).OrderBy(g => g.Key == 0 ? int.MaxValue : (int)g.Key)
                    .Select(g => (ReportLabels.Key(g.Key), g.Where(m => m.Year == year - 1).Sum(m => m.Usd), g.Where(m => m.Year == year).Sum(m => m.Usd)))],
                growth.Regions.Select(r => (r.Key, Usd(r.PreviousExpenditure), Usd(r.Expenditure))));
            Assert.Equal((spent.Where(m => m.Year == year - 1).Sum(m => m.Usd), spent.Where(m => m.Year == year).Sum(m => m.Usd)),
                (Usd(growth.Overall.PreviousExpenditure), Usd(growth.Overall.Expenditure)));
        }
    }

    private static void AssertDelivery(List<Money> counted, DeliveryGrouping groupBy, ReportDeliveryResponse report, string what)
    {
        Func<Money, string> key = groupBy switch
        {
            DeliveryGrouping.Project => m => m.Project.Project.Id,
            DeliveryGrouping.Partner => m => m.Partner == Guid.Empty ? "" : m.Partner.ToString(),
            DeliveryGrouping.Country => m => m.Country,
            DeliveryGrouping.Region => m => ReportLabels.Key(m.Region),
            DeliveryGrouping.Year => m => $"{m.Year}",
            _ => m => $"{m.Country}|{m.Year:D4}",
        };
        static (decimal, decimal, decimal, decimal) Flows(IEnumerable<Money> of) =>
            (of.Where(m => m.Figure == "budget").Sum(m => m.Usd), of.Where(m => m.Figure == "commitment").Sum(m => m.Usd),
                of.Where(m => m.Figure == "disbursement").Sum(m => m.Usd), of.Where(m => m.Figure == "expenditure").Sum(m => m.Usd));
        static (decimal, decimal, decimal, decimal) Read(DeliveryRow r) => (Usd(r.Budget), Usd(r.Commitments), Usd(r.Disbursements), Usd(r.Expenditure));
        var expected = counted.GroupBy(key).ToDictionary(g => g.Key, g => Flows(g));
        Assert.True(expected.Count == report.Rows.Count, $"{what}: {report.Rows.Count} rows, {expected.Count} expected");
        foreach (var row in report.Rows)
            Assert.True(expected.TryGetValue(row.Key, out var flows) && flows == Read(row), $"{what}: row {row.Key} {Read(row)}, expected {flows}");
        Assert.Equal(Flows(counted), Read(report.Total));
    }

    [Fact]
    public async Task ReportProjectParticipation_OverEveryPeriod_CountsEachProjectOnceAsADirectCountDoes()
    {
        var partner = await Client.RegisterPartnerAsync(Requests.Partner());
        Planned[] projects =
        [
            await ProjectAsync(["ZMB"], partner), await ProjectAsync(["ZMB"], partner), await ProjectAsync(["KEN"], partner),
            await ProjectAsync(["NPL"], partner), await ProjectAsync(["HTI"], partner), await ProjectAsync(["HTI"], partner),
            await ProjectAsync(["ZMB", "KEN"], partner),
        ];
        int[][] meetingYears = [[2002, 2005, 2005, 2009], [2003, 2009], [2005, 2011], [2002], [2004, 2007], [2005, 2007, 2010], [2006, 2008]];
        int?[] committeeYears = [2003, null, 2010, null, 2004, null, 2006];
        var meetings = new List<Meeting>();
        for (var i = 0; i < projects.Length; i++)
        {
            // Every other project's meetings recorded latest first: an earlier meeting then changes the later year's previous one.
            var numbered = meetingYears[i].Select((y, n) => (y, n)).ToList();
            foreach (var (year, n) in i % 2 == 1 ? Enumerable.Reverse(numbered) : numbered)
            {
                var request = new RecordProjectMeetingRequest
                {
                    ProjectId = projects[i].Project.Id, Kind = ProjectMeetingKind.StakeholderConsultation, HeldOn = new Date { Year = year, Month = 3 + n, Day = 2 },
                    Place = "Capital", Participants = { new StakeholderParticipation { Group = StakeholderGroup.Workers, Women = i + 1, Men = n + 1 } },
                };
                await Client.RecordProjectMeetingAsync(request);
                meetings.Add(new Meeting(projects[i], year, i + 1, n + 1));
            }
            if (committeeYears[i] is { } set)
                await Client.SetProjectCommitteeAsync(new SetProjectCommitteeRequest
                {
                    ProjectId = projects[i].Project.Id, Name = "Committee", EstablishedOn = new Date { Year = set, Month = 1, Day = 10 },
                    Members = { new StakeholderParticipation { Group = StakeholderGroup.Employers, Women = 2, Men = i } },
                });
        }
        await KnowStatusesAsync(async () => (await Client.ReportProjectParticipationAsync(new ReportProjectParticipationRequest
            { CountryGroup = CountryGroup.InCrisis })).MeetingCount == 3);

        string Country(Planned p) => p.Countries.Length == 1 ? p.Countries[0] : "";
        var periods = (from start in Enumerable.Range(2001, 12) from end in Enumerable.Range(start, 2013 - start) select (start, end)).Append((0, 0));
        var filters = new (string Name, Func<ReportProjectParticipationRequest, ReportProjectParticipationRequest> Ask, Func<string, int, bool> Counts)[]
        {
            ("all", r => r, (_, _) => true),
            ("Zambia", r => { r.CountryCode = "ZMB"; return r; }, (c, _) => c == "ZMB"),
            ("in crisis each year", r => { r.CountryGroup = CountryGroup.InCrisis; return r; }, InCrisis),
            ("in crisis on 1 May 2004", r => { r.CountryGroup = CountryGroup.InCrisis; r.CountryGroupOn = new Date { Year = 2004, Month = 5, Day = 1 }; return r; },
                (c, _) => c == "HTI"),
            ("least developed", r => { r.CountryGroup = CountryGroup.LeastDeveloped; return r; }, (c, _) => c == "NPL"),
        };
        foreach (var (start, end) in periods)
            foreach (var (name, ask, counts) in filters)
            {
                bool InPeriod(int year) => (start == 0 || year >= start) && (end == 0 || year <= end);
                var held = meetings.Where(m => InPeriod(m.Year) && counts(Country(m.Project), m.Year)).ToList();
                var committees = projects.Select((p, i) => (p, Year: committeeYears[i])).Where(c => c.Year is { } y && InPeriod(y) && counts(Country(c.p), y)).ToList();
                var report = await Client.ReportProjectParticipationAsync(ask(new ReportProjectParticipationRequest { StartYear = start, EndYear = end }));

                var workers = report.Meetings.Single(g => g.Group == StakeholderGroup.Workers);
                Assert.True((held.Count, held.Select(m => m.Project).Distinct().Count(), committees.Count, held.Sum(m => m.Women), held.Sum(m => m.Men))
                    == (report.MeetingCount, report.ProjectCount, report.CommitteeCount, workers.Women, workers.Men),
                    $"{name} {start}-{end}: {report.MeetingCount} meetings, {report.ProjectCount} projects, {report.CommitteeCount} committees, {workers.Women}/{workers.Men}");
                Assert.Equal(committees.Sum(c => Array.IndexOf(projects, c.p)), report.CommitteeMembers.Single(g => g.Group == StakeholderGroup.Employers).Men);
            }
    }
}
