using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>
/// Writes while the bucketed coverage lists and the joint-programme summary are read: DWCPs arrive
/// over the real broker while readers walk ListCountryCoverage's pages, and joint programmes are
/// registered and approved while SummariseJointProgrammes is read. No country or programme twice,
/// nothing counted that was not written, counts that agree with each other, exact at the end.
/// </summary>
public class CoverageReportConcurrencyTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private const int Writers = 4;
    private const int PerWriter = 6;
    private static readonly string[] Countries = ["GHA", "SEN", "MLI", "NER"];
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task ListCountryCoverage_WhenProgrammesArriveWhileItIsWalked_NeverRepeatsOrInventsAProgramme()
    {
        foreach (var country in Countries)
            await _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = country, CycleStartYear = 2007, CycleEndYear = 2010 });
        var published = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var registered = CountryCoverageTests.Programme(Countries[w]);
                published[registered.ProgrammeId.ToString()] = Countries[w];
                await Bus.Publish(registered);
            }
        })).ToList();
        var walks = 0;
        var allPublished = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!allPublished.IsCompleted || walks < 2)
            {
                await WalkAsync(published);
                Interlocked.Increment(ref walks);
            }
        })).ToList();
        await allPublished;
        await Task.WhenAll(readers);

        var final = await Eventually.Until(() => WalkAsync(published), rows => rows.Values.Sum(ids => ids.Count) == Writers * PerWriter, what: "every programme known");
        Assert.Equal(Countries.Order(StringComparer.Ordinal), final.Keys);
        foreach (var country in Countries)
            Assert.Equal(published.Where(p => p.Value == country).Select(p => p.Key).Order(), final[country].Order());
    }

    // Pages of two: no country twice, and each row's programmes are distinct ones published for that country.
    private async Task<Dictionary<string, List<string>>> WalkAsync(System.Collections.Concurrent.ConcurrentDictionary<string, string> published)
    {
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var request = new ListCountryCoverageRequest { PageSize = 2 };
        do
        {
            var page = await _client.ListCountryCoverageAsync(request);
            Assert.InRange(page.TotalSize, 0, Countries.Length);
            foreach (var row in page.Countries)
            {
                Assert.True(rows.TryAdd(row.CountryCode, [.. row.ProgrammeIds]), $"{row.CountryCode} came twice in one walk");
                Assert.Equal(row.ProgrammeIds.Count, row.ProgrammeIds.Distinct().Count());
                Assert.All(row.ProgrammeIds, id => Assert.Equal(row.CountryCode, published[id]));
                Assert.NotEmpty(row.ProgrammeIds);
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return rows;
    }

    [Fact]
    public async Task SummariseJointProgrammes_WhenProgrammesAreRegisteredAndApprovedWhileItIsRead_NeverCountsOneTwice()
    {
        var fund = $"Fund {Guid.NewGuid():N}";
        const decimal share = 250_000m;
        var started = 0;
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                Interlocked.Increment(ref started);
                var proposal = await _client.RegisterJointProgrammeAsync(new RegisterJointProgrammeRequest
                {
                    Title = $"Joint programme {w}-{i}", Fund = fund, ThematicWindow = "Youth, employment and migration",
                    CountryCodes = { Countries[w] }, LeadAgency = i % 2 == 0 ? "ILO" : "UNDP",
                    Agencies = { new ParticipatingAgency { Agency = "ILO", BudgetShare = ProtoConvert.ToMoney(share) }, new ParticipatingAgency { Agency = "UNDP", BudgetShare = ProtoConvert.ToMoney(100_000m) } },
                });
                await _client.ApproveJointProgrammeAsync(new ApproveJointProgrammeRequest { Id = proposal.Id, ApprovedOn = new Google.Type.Date { Year = 2008, Month = 2, Day = 20 } });
            }
        })).ToList();
        var reads = 0;
        var allWritten = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!allWritten.IsCompleted)
            {
                var summary = await _client.SummariseJointProgrammesAsync(new SummariseJointProgrammesRequest { Fund = fund });
                Assert.InRange(summary.ApprovedCount + summary.ProposalCount, 0, Volatile.Read(ref started));
                Assert.Equal(summary.ApprovedCount * share, ProtoConvert.ToDecimal(summary.OrganisationShare));
                Assert.InRange(summary.CountryCount, Math.Min(1, summary.ApprovedCount), Math.Min(Countries.Length, summary.ApprovedCount));
                Assert.InRange(summary.LedCount, 0, summary.ApprovedCount);
                Interlocked.Increment(ref reads);
            }
        })).ToList();
        await allWritten;
        await Task.WhenAll(readers);

        var final = await _client.SummariseJointProgrammesAsync(new SummariseJointProgrammesRequest { Fund = fund.ToUpperInvariant() });
        var written = Writers * PerWriter;
        Assert.Equal((written, 0, Countries.Length, written / 2), (final.ApprovedCount, final.ProposalCount, final.CountryCount, final.LedCount));
        Assert.Equal(written * share, ProtoConvert.ToDecimal(final.OrganisationShare));
        Assert.Equal(Countries.Order(StringComparer.Ordinal), final.LedCountryCodes);
        Assert.True(reads > 0, "the readers read while the writers wrote");
    }
}
