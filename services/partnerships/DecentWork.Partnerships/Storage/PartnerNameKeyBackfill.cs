using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Storage;

/// <summary>
/// Gives partners stored before names were compared after Unicode normalisation (NFKC, case,
/// spacing) today's name key, before the store builds the unique index on it at start-up. Two
/// old partners that now share a key both stay: the later one keeps a key suffixed with its id
/// (and a warning says which), since refusing to start would help nobody. A no-op once migrated, and
/// safe while another instance backfills the same store (<see cref="AggregateStoreExtensions.MigrateAsync{T}"/>).
/// </summary>
public sealed class PartnerNameKeyBackfill(IAggregateStore<Partner> partners, ILogger<PartnerNameKeyBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = await partners.ReadAllAsync(_ => true, new SortOrder<Partner>(p => p.SortKey), cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // Partners already holding today's key keep it; the others are fitted around them in registration order.
        foreach (var partner in all.Where(p => p.NormalizedName == Partner.Normalize(p.Name))) keys.Add(partner.NormalizedName);
        var migrated = 0;
        foreach (var partner in all.Where(p => p.NormalizedName != Partner.Normalize(p.Name)).OrderBy(p => p.RegisteredAt))
        {
            var taken = !keys.Add(Partner.Normalize(partner.Name));
            if (taken && partner.NormalizedName.EndsWith($"|{partner.Id:N}", StringComparison.Ordinal)) continue;
            if (taken) logger.LogWarning("Partner {Id} ('{Name}') has the same name as another once normalised; it keeps a key of its own", partner.Id, partner.Name);
            if (await partners.MigrateAsync(partner, p => p.BackfillNameKey(taken), cancellationToken)) migrated++;
        }
        if (migrated > 0) logger.LogInformation("Gave {Count} partners the normalised name key", migrated);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
