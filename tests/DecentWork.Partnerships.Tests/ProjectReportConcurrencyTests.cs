using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using Date = Google.Type.Date;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// Writers register, classify, reclassify and withdraw projects over gRPC while readers read the
/// three project reports, which read the project-report-totals buckets kept in each project's save.
/// A report must never count a project twice (in two significances of one marker, or in two goals
/// it has left), never count more projects than were registered, and be exact at the end. The
/// year 2094 is this class's alone (its fixture is its own service).
/// </summary>
public class ProjectReportConcurrencyTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private const int Writers = 4, ProjectsPerWriter = 6, Year = 2094;
    private const decimal Budget = 250_000m;
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ProjectReports_WhenProjectsAreClassifiedMovedAndWithdrawnWhileRead_NeverCountTwiceOrOverCount()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Project report donor"));
        var registered = 0;
        using var done = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < ProjectsPerWriter; i++)
            {
                Interlocked.Increment(ref registered);
                var project = await _client.RegisterProjectAsync(Project(partner.Id, $"conc/{w}/{i}"));
                project = await _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = project.Id, Classification = Gender("2", "8") });
                project = await _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = project.Id, Classification = Gender("1", "5") });
                if (i % 3 == 2) await _client.WithdrawProjectAsync(new WithdrawProjectRequest { Id = project.Id, Reason = "Funding fell through" });
            }
        })).ToList();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var rounds = 0;
            do
            {
                await CheckReportsAsync(() => Volatile.Read(ref registered));
                rounds++;
            } while (!done.IsCancellationRequested);
            return rounds;
        })).ToList();
        await Task.WhenAll(writers);
        await done.CancelAsync();
        Assert.All(await Task.WhenAll(readers), rounds => Assert.True(rounds > 0));

        const int kept = Writers * ProjectsPerWriter * 2 / 3;
        var (markers, goals, linkage) = await ReadAsync();
        Assert.Equal(kept, markers.ProjectCount);
        Assert.Equal([("1", "1", kept), ("1", "", 0), ("11", "", kept)], markers.Rows.Select(r => (r.PolicyMarker, r.Significance, r.ProjectCount)));
        Assert.Equal(kept * Budget, ProtoConvert.ToDecimal(markers.Rows[0].Budget));
        Assert.Equal([("5", kept)], goals.Rows.Select(r => (r.SdgGoal, r.ProjectCount)));
        Assert.Equal(0, goals.ProjectsWithoutGoal);
        Assert.Equal((kept, kept), (linkage.ProjectCount, linkage.LinkedToBoth));
    }

    /// <summary>Each report adds up on every read: every project once per marker, budgets a whole number of projects, no more than were registered.</summary>
    private async Task CheckReportsAsync(Func<int> registeredSoFar)
    {
        var (markers, goals, linkage) = await ReadAsync();
        var after = registeredSoFar();
        Assert.InRange(markers.ProjectCount, 0, after);
        foreach (var marker in markers.Rows.GroupBy(r => r.PolicyMarker))
        {
            Assert.Equal(markers.ProjectCount, marker.Sum(r => r.ProjectCount)); // a project in two rows of a marker would break this
            Assert.Equal(markers.ProjectCount * Budget, marker.Sum(r => ProtoConvert.ToDecimal(r.Budget)));
        }
        Assert.InRange(goals.ProjectCount, 0, after);
        Assert.Equal(goals.ProjectCount, goals.Rows.Sum(r => r.ProjectCount) + goals.ProjectsWithoutGoal); // each project has one goal or none here
        Assert.InRange(linkage.LinkedToBoth, 0, linkage.ProjectCount);
        Assert.InRange(linkage.ProjectCount, 0, after);
    }

    private async Task<(ReportProjectsByPolicyMarkerResponse, ReportProjectsBySdgGoalResponse, ProjectLinkageReport)> ReadAsync() => (
        await _client.ReportProjectsByPolicyMarkerAsync(new ReportProjectsByPolicyMarkerRequest { StartYear = Year, EndYear = Year }),
        await _client.ReportProjectsBySdgGoalAsync(new ReportProjectsBySdgGoalRequest { StartYear = Year, EndYear = Year }),
        await _client.ReportProjectLinkageAsync(new ReportProjectLinkageRequest { StartYear = Year, EndYear = Year }));

    private static RegisterProjectRequest Project(string partnerId, string code) => new()
    {
        Code = code, Title = "Decent work in the rural economy", CountryCodes = { "KEN" }, PartnerIds = { partnerId },
        Budget = ProtoConvert.ToMoney(Budget), OutcomeIds = { Guid.NewGuid().ToString() }, StrategicObjectives = { 1 },
        StartDate = new Date { Year = Year, Month = 1, Day = 1 }, EndDate = new Date { Year = Year, Month = 12, Day = 31 },
    };

    private static Classification Gender(string significance, string goal) => new()
    {
        PolicyMarkers = { new PolicyMarkerScore { Code = "1", Significance = significance } },
        SdgGoals = { goal },
    };
}
