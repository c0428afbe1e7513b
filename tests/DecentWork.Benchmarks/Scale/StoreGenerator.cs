using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// Fills a service's embedded store before the service starts, through the storage port the
/// service itself uses: the service's own composition root is built (never started) on the data
/// folder, and its <see cref="IAggregateStore{T}"/> saves each generated aggregate, indexes
/// included, exactly as the service would. The outbox the saves fill is emptied afterwards: the
/// events' consumers are not what these figures measure, and a relay publishing a million events
/// would share the CPU with the reports being timed.
/// </summary>
internal static class StoreGenerator
{
    public static async Task FillAsync(Func<string[], WebApplication> build, string dataFolder, Func<IServiceProvider, Task> fill)
    {
        Directory.CreateDirectory(dataFolder);
        // Only read by the composition root, never used: the app is not started, so nothing connects.
        string[] args = ["--Storage:DataFolder=" + dataFolder, "--RABBITMQ_URI=amqp://unused@127.0.0.1:1/", "--Identity:Authority=http://127.0.0.1:1/"];
        await using var app = build(args);
        foreach (var store in app.Services.GetServices<IStoreInitializer>()) await store.InitializeAsync(CancellationToken.None);
        await fill(app.Services);
        app.Services.GetRequiredService<LiteDbDatabase>().Run(d => d.DropCollection(LiteDbDatabase.OutboxCollection));
    }

    /// <summary>
    /// Inserts the aggregates through the embedded store in transactions of <paramref name="batch"/>
    /// aggregates (<see cref="LiteDbAggregateStore{T}.InsertBatch"/>: each inserted as a save inserts
    /// it, indexes, projections and history included; one commit per batch instead of one per
    /// aggregate), and prints progress now and then.
    /// </summary>
    public static Task SaveAllAsync<T>(IAggregateStore<T> store, IEnumerable<T> aggregates, int total, TextWriter progress, int batch = 1_000) where T : Aggregate
    {
        var embedded = store as LiteDbAggregateStore<T> ?? throw new InvalidOperationException($"The generator fills embedded stores only; {typeof(T).Name}'s is a {store.GetType().Name}.");
        var saved = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var chunk in aggregates.Chunk(batch))
        {
            embedded.InsertBatch(chunk);
            var before = saved;
            saved += chunk.Length;
            if (saved / 50_000 != before / 50_000) progress.WriteLine($"    {saved:N0}/{total:N0} saved ({saved / started.Elapsed.TotalSeconds:F0}/s)");
        }
        return Task.CompletedTask;
    }
}
