using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Storage;

/// <summary>
/// Moves the money mobilised that programmes stored before <see cref="ProgrammeFunding"/> existed
/// counted in their own documents into their funding totals, once, with the approvals already
/// counted (so a replay of one is still recognised). Runs after the indexes are made and before
/// the bus starts, so no approval is counted against a programme whose totals have not moved yet.
/// A no-op for programmes already moved and for programmes funded only since.
/// </summary>
public sealed class ProgrammeFundingBackfill(IAggregateStore<Programme> programmes, IAggregateStore<ProgrammeFunding> fundings,
    ILogger<ProgrammeFundingBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Approvals are positive, so a programme counted some exactly when its old total is above zero.
        var funded = await programmes.ReadAllAsync(p => p.FundingMobilisedUsd > 0, new SortOrder<Programme>(p => p.SortKey), cancellationToken);
        var moved = 0;
        foreach (var programme in funded)
        {
            if (await fundings.FindAsync(programme.Id, cancellationToken) is not null) continue;
            await fundings.SaveAsync(ProgrammeFunding.MovedFrom(programme), cancellationToken: cancellationToken);
            moved++;
        }
        if (moved > 0) logger.LogInformation("Moved the funding totals of {Count} programmes out of their documents", moved);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
