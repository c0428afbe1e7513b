using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// Follows partnerships' corrections of approvals. An amendment gives each programme's record the
/// approval's new amount and outcome allocations, and a programme it no longer funds counts
/// nothing; a cancellation makes every programme's record count nothing.
/// </summary>
public sealed class FundingApprovalCorrectedConsumer(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, TimeProvider clock, ILogger<FundingApprovalCorrectedConsumer> logger)
    : IConsumer<FundingApprovalAmended>, IConsumer<FundingApprovalCancelled>
{
    public Task Consume(ConsumeContext<FundingApprovalAmended> context)
    {
        var amended = context.Message;
        // The event carries no approval date; the first day of the approval's year stands in for a
        // record made before the approval itself arrived.
        return ApplyAsync(nameof(FundingApprovalAmended), context, amended.ApprovalId, amended.Revision, FundingCorrection.Of(amended), amended.Reason,
            amended.ChangedBy, amended.PartnerId, amended.PartnerName, new DateOnly(amended.Year, 1, 1));
    }

    public Task Consume(ConsumeContext<FundingApprovalCancelled> context)
    {
        var cancelled = context.Message;
        return ApplyAsync(nameof(FundingApprovalCancelled), context, cancelled.ApprovalId, cancelled.Revision, FundingCorrection.Of(cancelled), cancelled.Reason,
            cancelled.ChangedBy, cancelled.PartnerId, cancelled.PartnerName, default);
    }

    private async Task ApplyAsync(string message, ConsumeContext context, Guid approvalId, int revision, IEnumerable<FundingCorrection> corrections,
        string reason, string? changedBy, Guid partnerId, string partnerName, DateOnly approvedOn)
    {
        var applier = new FundingCorrections(programmes, contributions, logger);
        var change = FundingCorrections.ChangeFor(changedBy, partnerName, clock.GetUtcNow());
        foreach (var correction in corrections)
            await applier.ApplyAsync($"{nameof(FundingApprovalCorrectedConsumer)}:{message}", context.MessageId ?? approvalId, approvalId, revision,
                correction, reason, change, partnerId, partnerName, approvedOn, context.CancellationToken);
    }
}
