using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Programming.Consumers;

/// <summary>Adds partnerships' funding approvals to the money mobilised for a programme, once per message.</summary>
public sealed class FundingApprovedConsumer(IAggregateStore<Programme> programmes, ILogger<FundingApprovedConsumer> logger)
    : IConsumer<FundingApproved>
{
    public async Task Consume(ConsumeContext<FundingApproved> context)
    {
        var approval = context.Message;
        // An unknown programme is a fault, not something to drop: after the retries the message
        // waits in the _error queue where operations can see it and move it back.
        var programme = await programmes.FindAsync(approval.ProgrammeId, context.CancellationToken)
            ?? throw new DomainRuleException($"Funding approval {approval.ApprovalId} names programme {approval.ProgrammeId}, which is not registered.");
        if (!programme.RecordFunding(approval.ApprovalId, approval.AmountUsd))
        {
            logger.LogInformation("Funding approval {ApprovalId} was already counted", approval.ApprovalId);
            return;
        }
        var inbox = new ProcessedMessage(nameof(FundingApprovedConsumer), context.MessageId ?? approval.ApprovalId);
        await programmes.SaveAsync(programme, inbox, context.CancellationToken);
    }
}
