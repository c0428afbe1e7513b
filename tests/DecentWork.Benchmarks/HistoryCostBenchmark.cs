using System.Diagnostics;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.ServiceDefaults.Storage.History;

namespace DecentWork.Benchmarks;

/// <summary>
/// What the history adds to a save, in one run: the same sequence of saves (a document of
/// <c>items</c> list items with ids, each save changing one item's field) through the embedded
/// store with its history record and with it switched off, on two files of their own, in
/// interleaved rounds so machine noise falls on both sides. MongoDB cannot run here; its adapter
/// does the same work plus one insert in the save's transaction.
/// </summary>
public sealed class HistoryCostBenchmark(int saves, int items, int rounds, string folder, TextWriter output)
{
    public Task RunAsync()
    {
        Directory.CreateDirectory(folder);
        var timings = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        using var withHistory = new LiteDbDatabase(Path.Combine(folder, $"with-{Guid.NewGuid():N}.db"));
        using var without = new LiteDbDatabase(Path.Combine(folder, $"without-{Guid.NewGuid():N}.db"));
        var stores = new Dictionary<bool, LiteDbAggregateStore<Workplan>>
        {
            [true] = new(withHistory, "workplans", [], new OutboxSignal()),
            [false] = new(without, "workplans", [], new OutboxSignal()) { KeepsHistory = false },
        };
        using var actor = ChangeContext.Use(new ChangeActor("bench", "History cost benchmark", "Bench"));
        Run(stores, timings, saves / 10); // warm-up: JIT, file growth
        timings[true].Clear();
        timings[false].Clear();
        for (var round = 0; round < rounds; round++) Run(stores, timings, saves);

        output.WriteLine($"History cost (embedded store): {rounds} rounds x {saves} saves per side, {items} list items per document, interleaved");
        output.WriteLine("| store | saves | mean µs/save | p50 µs | p99 µs |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var (keeps, label) in new[] { (false, "without history"), (true, "with history") })
        {
            var sorted = timings[keeps].Order().ToList();
            output.WriteLine($"| {label} | {sorted.Count} | {sorted.Average():F1} | {sorted[sorted.Count / 2]:F1} | {sorted[(int)(sorted.Count * 0.99)]:F1} |");
        }
        output.WriteLine($"Ratio with/without (mean): {timings[true].Average() / timings[false].Average():F2}");
        return Task.CompletedTask;
    }

    private void Run(Dictionary<bool, LiteDbAggregateStore<Workplan>> stores, Dictionary<bool, List<double>> timings, int count)
    {
        // Each side gets a fresh document per round, so both documents and files grow alike.
        foreach (var keeps in new[] { false, true })
        {
            var plan = Workplan.Create(items);
            var store = stores[keeps];
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                store.SaveAsync(plan).GetAwaiter().GetResult();
                timings[keeps].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                plan.Revise(i % items, $"Revised step {i}");
            }
        }
    }
}

/// <summary>A mid-sized aggregate: a title and a list of items with ids, about the shape of a programme's outcomes.</summary>
public sealed class Workplan : Aggregate
{
    public string Title { get; private set; } = "";
    public List<WorkplanStep> Steps { get; private set; } = [];

    public static Workplan Create(int items) => new()
    {
        Id = Guid.NewGuid(),
        Title = "Decent Work Country Programme workplan",
        Steps = [.. Enumerable.Range(0, items).Select(i => new WorkplanStep
        {
            Id = Guid.NewGuid(), Title = $"Step {i}", Statement = new string('s', 120), BudgetUsd = 10_000m * i, Due = new DateOnly(2010, 1, 1).AddDays(i),
        })],
    };

    public void Revise(int step, string title) => Steps[step].Title = title;
}

public sealed class WorkplanStep
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Statement { get; set; } = "";
    public decimal BudgetUsd { get; set; }
    public DateOnly Due { get; set; }
}
