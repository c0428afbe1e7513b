using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Programming.Tests;

/// <summary>
/// The two joined reports (money by strategic objective, funding gaps) while writers register
/// programmes, partnerships funds them over the real broker, and the programmes change in ways that
/// move their money (an outcome's objective, the status), with no wait between the funding and the
/// change, so filing a contribution races re-filing it. Readers check that money is never counted
/// twice or more than was sent, that each approval counts whole, that no row comes twice in a walk
/// of the pages and none registered before a walk is missing; at the end every approval counts
/// exactly once, under the group its programme is in now.
/// </summary>
public class ProgrammeFundingReportConcurrencyTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private const int Writers = 4;
    private const int ProgrammesPerWriter = 6;
    private const decimal Approved = 1_000m;
    private const decimal Need = 1_000_000m; // LifecycleClient.WithOutcomeAsync's outcome
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();
    private LifecycleClient Lifecycle => new(fixture.Service);

    [Fact]
    public async Task ReportOutcomesByStrategicObjective_WhenOutcomesAreFundedAndMovedWhileItIsRead_NeverCountsTwiceOrLosesMoney()
    {
        var request = new ReportOutcomesByStrategicObjectiveRequest { Country = "BWA" };
        var published = 0;
        var writers = StartWriters(async () =>
        {
            var programme = await Lifecycle.WithOutcomeAsync("BWA");
            var outcome = programme.Priorities[0].Outcomes[0];
            await FundAsync(programme, outcome.Id);
            Interlocked.Increment(ref published);
            // At once, so the funding consumer may file under Employment while this moves the outcome.
            await _client.ChangeOutcomeAsync(new ChangeOutcomeRequest
            {
                ProgrammeId = programme.Id, OutcomeId = outcome.Id, Code = outcome.Code, Statement = outcome.Statement,
                StrategicObjective = StrategicObjective.SocialProtection, ResourceNeed = outcome.ResourceNeed,
            });
        });
        var reads = await ReadWhileAsync(writers, async () =>
        {
            var sent = Volatile.Read(ref published);
            var report = await _client.ReportOutcomesByStrategicObjectiveAsync(request);
            var mobilised = report.Rows.Sum(r => ProtoConvert.ToDecimal(r.FundingMobilised));
            Assert.InRange(mobilised, 0, (sent + Writers) * Approved);
            Assert.Equal(0, mobilised % Approved);
            Assert.InRange(report.Rows.Sum(r => r.OutcomeCount), 0, Writers * ProgrammesPerWriter);
            Assert.All(report.Rows, r => Assert.Equal(r.OutcomeCount * Need, ProtoConvert.ToDecimal(r.ResourceNeed)));
        });

        var written = Writers * ProgrammesPerWriter;
        var final = await Eventually.Until(() => _client.ReportOutcomesByStrategicObjectiveAsync(request).ResponseAsync,
            r => r.Rows.Sum(x => ProtoConvert.ToDecimal(x.FundingMobilised)) == written * Approved, what: "every approval counted");
        var socialProtection = final.Rows.Single(r => r.StrategicObjective == StrategicObjective.SocialProtection);
        var employment = final.Rows.Single(r => r.StrategicObjective == StrategicObjective.Employment);
        Assert.Equal((written, written * Approved), (socialProtection.OutcomeCount, ProtoConvert.ToDecimal(socialProtection.FundingMobilised)));
        Assert.Equal((0, 0m), (employment.OutcomeCount, ProtoConvert.ToDecimal(employment.FundingMobilised)));
        Assert.True(reads > 0, "the readers read while the writers wrote");
    }

    [Fact]
    public async Task ReportFundingGaps_WhenProgrammesAreFundedAndChangeStatusWhileItIsRead_NeverCountsTwiceRepeatsOrSkips()
    {
        var request = new ReportFundingGapsRequest { Country = "NAM", PageSize = 4 };
        var registered = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var published = 0;
        var writers = StartWriters(async () =>
        {
            var programme = await Lifecycle.WithOutcomeAsync("NAM");
            registered[programme.Id] = true;
            await FundAsync(programme, programme.Priorities[0].Outcomes[0].Id);
            Interlocked.Increment(ref published);
            // At once, so the funding consumer may file under Draft while this moves the programme on.
            await _client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = programme.Id });
        });
        var reads = await ReadWhileAsync(writers, async () =>
        {
            var before = registered.Keys.ToHashSet();
            // A programme is stored before its writer notes it registered: at most one per writer is in between.
            var seen = await WalkAsync(request, () => registered.Count + Writers, () => Volatile.Read(ref published) + Writers);
            Assert.Empty(before.Except(seen));
        });

        var written = Writers * ProgrammesPerWriter;
        var inConsultation = await Eventually.Until(() => _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { Country = "NAM", Status = ProgrammeStatus.InConsultation }).ResponseAsync,
            r => ProtoConvert.ToDecimal(r.TotalFundingMobilised) == written * Approved, what: "every approval counted under the programmes' new status");
        Assert.Equal((written, written * Need), (inConsultation.TotalSize, ProtoConvert.ToDecimal(inConsultation.TotalResourceNeed)));
        var drafts = await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { Country = "NAM", Status = ProgrammeStatus.Draft });
        Assert.Equal((0, 0m, 0m), (drafts.TotalSize, ProtoConvert.ToDecimal(drafts.TotalResourceNeed), ProtoConvert.ToDecimal(drafts.TotalFundingMobilised)));
        Assert.Equal(registered.Keys.ToHashSet(), await WalkAsync(request, () => written, () => written));
        Assert.True(reads > 0, "the readers read while the writers wrote");
    }

    private List<Task> StartWriters(Func<Task> writeOne) =>
        [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < ProgrammesPerWriter; i++) await writeOne();
        }))];

    /// <summary>Two readers read until every writer is done; how many reads they made.</summary>
    private static async Task<int> ReadWhileAsync(List<Task> writers, Func<Task> read)
    {
        var reads = 0;
        var allWritten = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!allWritten.IsCompleted)
            {
                await read();
                Interlocked.Increment(ref reads);
            }
        })).ToList();
        await allWritten;
        await Task.WhenAll(readers);
        return reads;
    }

    private Task FundAsync(Programme programme, string outcomeId) => Bus.Publish(new FundingApproved(
        Guid.NewGuid(), Guid.NewGuid(), "Norway", Guid.Parse(programme.Id), Approved, 2008, DateTimeOffset.UtcNow,
        [new FundingAllocation(null, programme.CountryCode, null, Guid.Parse(outcomeId), 2, Approved)]));

    // Every page's totals agree with themselves and never exceed what was started; no row comes twice.
    private async Task<HashSet<string>> WalkAsync(ReportFundingGapsRequest first, Func<int> startedAtMost, Func<int> fundedAtMost)
    {
        var seen = new HashSet<string>();
        var request = first.Clone();
        do
        {
            var page = await _client.ReportFundingGapsAsync(request);
            Assert.InRange(page.TotalSize, 0, startedAtMost());
            var mobilised = ProtoConvert.ToDecimal(page.TotalFundingMobilised);
            Assert.InRange(mobilised, 0, fundedAtMost() * Approved);
            Assert.Equal(0, mobilised % Approved);
            Assert.InRange(ProtoConvert.ToDecimal(page.TotalResourceNeed), 0, page.TotalSize * Need);
            foreach (var row in page.Programmes)
            {
                Assert.True(seen.Add(row.ProgrammeId), $"programme {row.ProgrammeId} came twice in one walk");
                Assert.Contains(ProtoConvert.ToDecimal(row.FundingMobilised), new[] { 0m, Approved });
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return seen;
    }
}
