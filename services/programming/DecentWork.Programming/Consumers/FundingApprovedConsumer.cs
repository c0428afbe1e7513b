using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
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
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, TimeProvider clock, ILogger<FundingApprovedConsumer> logger)
    : IConsumer<FundingApproved>
{
    public async Task Consume(ConsumeContext<FundingApproved> context)
    {
        var approval = context.Message;
        var allocations = approval.Allocations ?? [];
        var messageId = context.MessageId ?? approval.ApprovalId;
        if (approval.ProgrammeId != Guid.Empty)
        {
            var mine = allocations.Where(a => a.ProgrammeId is null || a.ProgrammeId == approval.ProgrammeId);
            await CountAsync(approval, approval.ProgrammeId, approval.AmountUsd, mine,
                new ProcessedMessage(nameof(FundingApprovedConsumer), messageId), context.CancellationToken);
            return;
        }
        var byProgramme = allocations.Where(a => a.ProgrammeId is { } id && id != Guid.Empty).GroupBy(a => a.ProgrammeId!.Value).ToList();
        if (byProgramme.Count == 0) logger.LogInformation("Funding approval {ApprovalId} names no programme", approval.ApprovalId);
        // One inbox key per programme: a retry after a fault skips the programmes already counted.
        foreach (var group in byProgramme)
            await CountAsync(approval, group.Key, group.Sum(a => a.AmountUsd), group,
                new ProcessedMessage($"{nameof(FundingApprovedConsumer)}:{group.Key:N}", messageId), context.CancellationToken);
    }

    private async Task CountAsync(FundingApproved approval, Guid programmeId, decimal amountUsd, IEnumerable<FundingAllocation> allocations,
        ProcessedMessage inbox, CancellationToken cancellationToken)
    {
        // An unknown programme is a fault, not something to drop: after the retries the message
        // waits in the _error queue where operations can see it and move it back.
        var programme = await programmes.FindAsync(programmeId, cancellationToken)
            ?? throw new DomainRuleException($"Funding approval {approval.ApprovalId} names programme {programmeId}, which is not registered.");
        if (programme.FundingApprovalIds.Contains(approval.ApprovalId))
        {
            logger.LogInformation("Funding approval {ApprovalId} was counted for {ProgrammeId} before approvals had records", approval.ApprovalId, programmeId);
            return;
        }
        var toOutcomes = allocations.Where(a => a.OutcomeId is not null)
            .GroupBy(a => a.OutcomeId!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountUsd));
        // The service applied it; the person who recorded the approval travels in the event.
        var change = new Change("system:partnerships",
            approval.ChangedBy is { Length: > 0 } by ? $"partnerships for {by} ({approval.PartnerName})" : $"partnerships ({approval.PartnerName})",
            clock.GetUtcNow());
        // One new small record, and the programme's buckets in the same transaction (FundingByProgramme):
        // nothing that grows is rewritten and nothing another message updates is saved, so no
        // version conflict can occur. The record's id is the approval's and the programme's, so a
        // replay under a new message id, or two deliveries racing, count once.
        var contribution = FundingContribution.Record(approval.ApprovalId, programmeId, amountUsd, toOutcomes, change,
            approval.PartnerId, approval.PartnerName, DateOnly.FromDateTime(approval.ApprovedAt.UtcDateTime));
        // Filed under the programme's group as just read; re-filed below if the programme changed meanwhile.
        contribution.FileUnder(programme);
        if (!await contributions.AddOnceAsync(contribution, inbox, cancellationToken))
        {
            logger.LogInformation("Funding approval {ApprovalId} was already counted for {ProgrammeId}", approval.ApprovalId, programmeId);
            return;
        }
        await ContributionFiling.CatchUpAsync(programmes, contributions, contribution, cancellationToken);
    }
}
