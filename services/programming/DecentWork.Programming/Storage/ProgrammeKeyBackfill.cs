using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Storage;

/// <summary>
/// Gives programmes stored before a unique key existed that key, before the store creates the
/// unique indexes at start-up: both stores read a missing value as null (or empty) and would refuse
/// to build a unique index over two of them. Two keys came later: the approval slot (approved
/// programmes are numbered per country in order of approval, after any number already taken) and
/// the request key ("programme:{id}"). One pass, one save per programme that lacked either.
/// Registered ahead of the storage initializer so it runs first; a no-op on a store already migrated,
/// and safe while another instance backfills the same store: both plan the same slots from the same
/// records, and <see cref="AggregateStoreExtensions.MigrateAsync{T}"/> re-reads what the other saved first.
/// A store with every key in place is found so by index seeks, without reading the programmes.
/// </summary>
public sealed class ProgrammeKeyBackfill(IAggregateStore<Programme> programmes, ILogger<ProgrammeKeyBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await programmes.AnyLackingAsync(cancellationToken, p => p.ApprovalSlot, p => p.RequestKey)) return;
        // Read everything, then save: a filter cannot ask for a missing field the same way in both
        // stores, so the programmes without a key are picked in memory.
        var all = await programmes.ReadAllAsync(_ => true, new SortOrder<Programme>(p => p.SortKey), cancellationToken);
        var sequences = Plan(all).ToDictionary(planned => planned.Programme.Id, planned => planned.Sequence);
        var migrated = 0;
        foreach (var programme in all)
        {
            var planned = sequences.TryGetValue(programme.Id, out var sequence);
            if (await programmes.MigrateAsync(programme, p => (planned && p.BackfillApprovalSlot(sequence)) | p.BackfillRequestKey(), cancellationToken))
                migrated++;
        }
        if (migrated > 0) logger.LogInformation("Gave {Count} programmes stored before approval slots or request keys their keys", migrated);
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
