using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Storage;

/// <summary>
/// Keeps each <see cref="FundingContribution"/> filed under its programme's current group (see
/// FundingContribution.Filing.cs). Two writers race: a change of the programme and a new or
/// corrected contribution. Each re-reads the other after its own save: the programme change
/// re-files every contribution it finds, the contribution write re-files itself when the programme
/// is newer than the copy it was filed from. Whichever saved last sees the other's save, so no
/// record stays filed under an old group; a filing from an older read never replaces a newer one.
/// </summary>
public static class ContributionFiling
{
    /// <summary>After a change of <paramref name="programme"/> (as saved) that moved its filing: every contribution of it, re-filed.</summary>
    public static async Task RefileAsync(IAggregateStore<FundingContribution> contributions, Programme programme, CancellationToken cancellationToken)
    {
        var filed = await contributions.ReadAllAsync(c => c.ProgrammeId == programme.Id, new SortOrder<FundingContribution>(c => c.SortKey), cancellationToken);
        foreach (var contribution in filed)
            await FileAsync(contributions, contribution, programme, cancellationToken);
    }

    /// <summary>After a contribution was saved: files it again when its programme changed since the read it was filed from.</summary>
    public static async Task CatchUpAsync(IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions,
        FundingContribution saved, CancellationToken cancellationToken)
    {
        var programme = await programmes.FindAsync(saved.ProgrammeId, cancellationToken);
        if (programme is null || programme.Version <= saved.FiledAtVersion) return;
        await FileAsync(contributions, saved, programme, cancellationToken);
    }

    /// <summary>Files one record under this read of the programme; on a conflict, again over a fresh read of the record (as a migration is applied).</summary>
    private static Task<bool> FileAsync(IAggregateStore<FundingContribution> contributions, FundingContribution contribution, Programme programme,
        CancellationToken cancellationToken) =>
        contributions.MigrateAsync(contribution, c => c.FileUnder(programme), cancellationToken);
}

/// <summary>
/// Files the contributions recorded before filing existed, once, at start-up (a no-op on a store
/// already filed). Registered after the storage initializer, whose projection rebuild counts
/// unfiled records nowhere; each save here then adds one to its group. A store where every record
/// is filed is found so by index seeks on <see cref="FundingContribution.FiledCountry"/>, without
/// reading the contributions (start-up and idle memory do not grow with them); otherwise it reads
/// every contribution and files those never filed.
/// </summary>
public sealed class ContributionFilingBackfill(IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions,
    ILogger<ContributionFilingBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await contributions.AnyLackingAsync(cancellationToken, c => c.FiledCountry)) return;
        var all = await contributions.ReadAllAsync(_ => true, new SortOrder<FundingContribution>(c => c.SortKey), cancellationToken);
        var filed = 0;
        foreach (var unfiled in all.Where(c => c.FiledAtVersion == 0))
        {
            if (await programmes.FindAsync(unfiled.ProgrammeId, cancellationToken) is not { } programme) continue;
            if (await contributions.MigrateAsync(unfiled, c => c.FileUnder(programme), cancellationToken)) filed++;
        }
        if (filed > 0) logger.LogInformation("Filed {Count} funding contributions recorded before filing under their programmes' groups", filed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
