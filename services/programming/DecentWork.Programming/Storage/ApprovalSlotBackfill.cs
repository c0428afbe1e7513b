using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Storage;

/// <summary>
/// Gives programmes stored before approval slots existed their slot, before the store creates the
/// unique index on it at start-up (both stores would refuse to build it over many empty values).
/// Approved programmes are numbered per country in order of approval, after any number already taken.
/// Registered ahead of the storage initializer so it runs first; a no-op on a store already migrated.
/// </summary>
public sealed class ApprovalSlotBackfill(IAggregateStore<Programme> programmes, ILogger<ApprovalSlotBackfill> logger) : IHostedService
{
    private const int PageSize = 200;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = new List<Programme>();
        while (true)
        {
            var page = await programmes.QueryAsync(_ => true, new SortOrder<Programme>(p => p.SortKey), all.Count, PageSize, cancellationToken);
            all.AddRange(page);
            if (page.Count < PageSize) break;
        }
        var migrated = 0;
        foreach (var (programme, sequence) in Plan(all))
            if (programme.BackfillApprovalSlot(sequence))
            {
                await programmes.SaveAsync(programme, cancellationToken: cancellationToken);
                migrated++;
            }
        if (migrated > 0) logger.LogInformation("Gave {Count} programmes stored before approval slots their slot", migrated);
    }

    /// <summary>The programmes without a slot, each with the approval sequence it gets if it was approved.</summary>
    public static IEnumerable<(Programme Programme, int Sequence)> Plan(IReadOnlyList<Programme> all)
    {
        foreach (var country in all.GroupBy(p => p.CountryCode))
        {
            var next = country.Select(p => p.ApprovalSequence).DefaultIfEmpty(0).Max() + 1;
            var missing = country.Where(p => p.ApprovalSlot.Length == 0);
            foreach (var programme in missing.Where(p => p.ApprovedOn is null))
                yield return (programme, 0);
            foreach (var programme in missing.Where(p => p.ApprovedOn is not null).OrderBy(p => p.ApprovedOn).ThenBy(p => p.Id))
                yield return (programme, next++);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
