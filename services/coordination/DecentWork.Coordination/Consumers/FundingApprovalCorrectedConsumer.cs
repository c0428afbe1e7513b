using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Moves the region comparison's funding with partnerships' corrections: an amendment replaces the
/// approval's shares by country, a cancellation removes them. Older revisions change nothing; a save
/// that loses a race (or a programme not known yet) fails the message and MassTransit retries it.
/// </summary>
public sealed class FundingApprovalCorrectedConsumer(IAggregateStore<KnownFunding> fundings, IAggregateStore<KnownProgramme> programmes)
    : IConsumer<FundingApprovalAmended>, IConsumer<FundingApprovalCancelled>
{
    public async Task Consume(ConsumeContext<FundingApprovalAmended> context)
    {
        var amended = context.Message;
        var countries = new Dictionary<Guid, string>();
        foreach (var id in KnownFunding.ProgrammesNamed(amended.ProgrammeId, amended.Allocations))
            if (await programmes.FindAsync(id, context.CancellationToken) is { } programme)
                countries[id] = programme.CountryCode;
        string? CountryOf(Guid id) => countries.GetValueOrDefault(id);
        await ApplyAsync(context, amended.ApprovalId, () => KnownFunding.FromAmendment(amended, CountryOf), f => f.Amend(amended, CountryOf));
    }

    public Task Consume(ConsumeContext<FundingApprovalCancelled> context)
    {
        var cancelled = context.Message;
        return ApplyAsync(context, cancelled.ApprovalId, () => KnownFunding.FromCancellation(cancelled), f => f.Cancel(cancelled));
    }

    private async Task ApplyAsync(ConsumeContext context, Guid approvalId, Func<KnownFunding> create, Func<KnownFunding, bool> correct)
    {
        var inbox = new ProcessedMessage(nameof(FundingApprovalCorrectedConsumer), context.MessageId ?? approvalId);
        if (await fundings.FindAsync(approvalId, context.CancellationToken) is not { } known)
        {
            // The correction overtook the approval. Losing the insert to the approval itself means
            // there is now a view to correct: fail, and the retry applies this correction to it.
            if (!await fundings.AddOnceAsync(create(), inbox, context.CancellationToken))
                throw new InvalidOperationException($"Funding approval {approvalId} arrived meanwhile; its correction will be retried.");
            return;
        }
        if (correct(known))
            await fundings.SaveAsync(known, inbox, context.CancellationToken);
    }
}
