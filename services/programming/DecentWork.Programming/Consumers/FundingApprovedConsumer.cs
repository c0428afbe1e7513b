using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// Adds partnerships' funding approvals to the money mobilised for programmes and their outcomes,
/// once per approval. An approval for one programme counts in full for it; an approval for no single
/// programme (ProgrammeId empty) counts, for each programme its allocations name, the sum of those
/// allocations. Allocations with an OutcomeId also count for that outcome.
/// Each message writes a small record of its own and adds it to a small per-programme total: what
/// one message rewrites stays the same size however many approvals a programme has.
/// </summary>
public sealed class FundingApprovedConsumer(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, IAggregateStore<ProgrammeFunding> fundings,
    TimeProvider clock, ILogger<FundingApprovedConsumer> logger)
    : IConsumer<FundingApproved>
{
    public async Task Consume(ConsumeContext<FundingApproved> context)
    {
        var approval = context.Message;
        var allocations = approval.Allocations ?? [];
        if (approval.ProgrammeId != Guid.Empty)
        {
            var mine = allocations.Where(a => a.ProgrammeId is null || a.ProgrammeId == approval.ProgrammeId);
            await CountAsync(approval, approval.ProgrammeId, approval.AmountUsd, mine, context.CancellationToken);
            return;
        }
        var byProgramme = allocations.Where(a => a.ProgrammeId is { } id && id != Guid.Empty).GroupBy(a => a.ProgrammeId!.Value).ToList();
        if (byProgramme.Count == 0) logger.LogInformation("Funding approval {ApprovalId} names no programme", approval.ApprovalId);
        // Each programme's share is counted once on its own: a retry after a fault skips those already counted.
        foreach (var group in byProgramme)
            await CountAsync(approval, group.Key, group.Sum(a => a.AmountUsd), group, context.CancellationToken);
    }

    private async Task CountAsync(FundingApproved approval, Guid programmeId, decimal amountUsd, IEnumerable<FundingAllocation> allocations,
        CancellationToken cancellationToken)
    {
        // An unknown programme is a fault, not something to drop: after the retries the message
        // waits in the _error queue where operations can see it and move it back. A programme with
        // funding is known, so the (larger) programme is read only for its first approval.
        if (await fundings.FindAsync(programmeId, cancellationToken) is null && await programmes.FindAsync(programmeId, cancellationToken) is null)
            throw new DomainRuleException($"Funding approval {approval.ApprovalId} names programme {programmeId}, which is not registered.");
        var toOutcomes = allocations.Where(a => a.OutcomeId is not null)
            .GroupBy(a => a.OutcomeId!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountUsd));
        // The service applied it; the person who recorded the approval travels in the event.
        var change = new Change("system:partnerships",
            approval.ChangedBy is { Length: > 0 } by ? $"partnerships for {by} ({approval.PartnerName})" : $"partnerships ({approval.PartnerName})",
            clock.GetUtcNow());
        var contribution = FundingContribution.Record(approval.ApprovalId, programmeId, amountUsd, toOutcomes, change);

        // Two steps, each done once whatever is redelivered or replayed: the record (its id is the
        // approval's and the programme's), then the totals (the inbox knows which records they hold).
        // A fault between them leaves the record uncounted; the redelivery finds it and counts it.
        await contributions.AddOnceAsync(contribution, new ProcessedMessage(nameof(FundingContribution), contribution.Id), cancellationToken);
        var counted = await ConflictRetry.UntilSavedAsync(async () =>
        {
            var funding = await fundings.FindAsync(programmeId, cancellationToken) ?? ProgrammeFunding.None(programmeId);
            return funding.Add(contribution)
                && await fundings.SaveAsync(funding, new ProcessedMessage(nameof(ProgrammeFunding), contribution.Id), cancellationToken);
        }, nameof(FundingApprovedConsumer), cancellationToken);
        if (!counted) logger.LogInformation("Funding approval {ApprovalId} was already counted for {ProgrammeId}", approval.ApprovalId, programmeId);
    }
}
