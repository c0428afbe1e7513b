using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// Follows partnerships' amendments: each programme's record takes the approval's new amount and
/// outcome allocations, and a programme the amendment no longer funds counts nothing.
/// </summary>
public sealed class FundingApprovalAmendedConsumer(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, TimeProvider clock, ILogger<FundingApprovalAmendedConsumer> logger)
    : IConsumer<FundingApprovalAmended>
{
    public async Task Consume(ConsumeContext<FundingApprovalAmended> context)
    {
        var amended = context.Message;
        var corrections = new FundingCorrections(programmes, contributions, logger);
        var change = FundingCorrections.ChangeFor(amended.ChangedBy, amended.PartnerName, clock.GetUtcNow());
        // The event carries no approval date; the first day of the approval's year stands in for a
        // record made before the approval itself arrived.
        var approvedOn = new DateOnly(amended.Year, 1, 1);
        foreach (var correction in FundingCorrection.Of(amended))
            await corrections.ApplyAsync(nameof(FundingApprovalAmendedConsumer), context.MessageId ?? amended.ApprovalId, amended.ApprovalId,
                amended.Revision, correction, amended.Reason, change, amended.PartnerId, amended.PartnerName, approvedOn, context.CancellationToken);
    }
}

/// <summary>Follows partnerships' cancellations: the approval counts nothing for any programme any more.</summary>
public sealed class FundingApprovalCancelledConsumer(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, TimeProvider clock, ILogger<FundingApprovalCancelledConsumer> logger)
    : IConsumer<FundingApprovalCancelled>
{
    public async Task Consume(ConsumeContext<FundingApprovalCancelled> context)
    {
        var cancelled = context.Message;
        var corrections = new FundingCorrections(programmes, contributions, logger);
        var change = FundingCorrections.ChangeFor(cancelled.ChangedBy, cancelled.PartnerName, clock.GetUtcNow());
        foreach (var correction in FundingCorrection.Of(cancelled))
            await corrections.ApplyAsync(nameof(FundingApprovalCancelledConsumer), context.MessageId ?? cancelled.ApprovalId, cancelled.ApprovalId,
                cancelled.Revision, correction, cancelled.Reason, change, cancelled.PartnerId, cancelled.PartnerName, default, context.CancellationToken);
    }
}
