using DecentWork.Contracts.Events.Training;
using DecentWork.Contracts.Programming.V1;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Writers register programmes and training counts them (over the real broker) while readers read
/// ReportTrainingByProgramme's bucket totals and walk its keyed pages: no programme counted twice
/// or more than written, totals that always agree with each other, no row repeated across pages,
/// and no programme registered before a walk missing from it.
/// </summary>
public class ProgrammeTrainingReportConcurrencyTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private const string Country = "LSO";
    private const int Writers = 4;
    private const int ProgrammesPerWriter = 8;
    private const int Trained = 7;
    private const int Days = 35;
    private static readonly DateTimeOffset CountedAt = new(2009, 3, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task ReportTrainingByProgramme_WhenProgrammesAreWrittenAndCountedWhileItIsRead_NeverCountsTwiceRepeatsOrSkips()
    {
        var lifecycle = new LifecycleClient(fixture.Service);
        var request = new ReportTrainingByProgrammeRequest { Country = Country, PageSize = 3 };
        Assert.Equal(0, (await _client.ReportTrainingByProgrammeAsync(request)).TotalSize);
        var registered = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var published = 0;

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < ProgrammesPerWriter; i++)
            {
                var programme = await lifecycle.RegisterAsync(Country);
                registered[programme.Id] = true;
                await Bus.Publish(new ProgrammeTrainingCounted(Guid.Parse(programme.Id), Country, Trained, Days, 1, CountedAt));
                Interlocked.Increment(ref published);
            }
        })).ToList();
        var walks = 0;
        var allWritten = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!allWritten.IsCompleted)
            {
                var before = registered.Keys.ToHashSet();
                // A programme is stored before its writer counts it published: at most one per writer is in between.
                var seen = await WalkAsync(request, () => Volatile.Read(ref published) + Writers);
                Assert.Empty(before.Except(seen));
                Interlocked.Increment(ref walks);
            }
        })).ToList();
        await allWritten;
        await Task.WhenAll(readers);

        var written = Writers * ProgrammesPerWriter;
        var final = await Eventually.Until(() => _client.ReportTrainingByProgrammeAsync(request).ResponseAsync,
            r => r.ProgrammesCounted == written, what: "every count applied");
        Assert.Equal((written, written * Trained, written * Days), (final.TotalSize, final.TotalParticipantsTrained, final.TotalParticipantDays));
        Assert.Equal(registered.Keys.ToHashSet(), await WalkAsync(request, () => written));
        Assert.True(walks > 0, "the readers walked while the writers wrote");
    }

    // Every page's totals agree with themselves and never exceed what was started; no row comes twice.
    private async Task<HashSet<string>> WalkAsync(ReportTrainingByProgrammeRequest first, Func<int> startedAtMost)
    {
        var seen = new HashSet<string>();
        var request = first.Clone();
        do
        {
            var page = await _client.ReportTrainingByProgrammeAsync(request);
            Assert.InRange(page.TotalSize, 0, startedAtMost());
            Assert.InRange(page.ProgrammesCounted, 0, page.TotalSize);
            Assert.Equal((page.ProgrammesCounted * Trained, page.ProgrammesCounted * Days), (page.TotalParticipantsTrained, page.TotalParticipantDays));
            foreach (var row in page.Programmes) Assert.True(seen.Add(row.ProgrammeId), $"programme {row.ProgrammeId} came twice in one walk");
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return seen;
    }
}
