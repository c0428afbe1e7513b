using DecentWork.Contracts.Events.Programming;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Partnerships.Consumers;

/// <summary>
/// Starts the view of an approved programme's resource needs, once; a later approval of the same
/// programme (after a revision) updates the outcomes it carries.
/// </summary>
public sealed class ProgrammeApprovedConsumer(IAggregateStore<ProgrammeNeeds> needs) : IConsumer<ProgrammeApproved>
{
    public async Task Consume(ConsumeContext<ProgrammeApproved> context)
    {
        var approved = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeApprovedConsumer), context.MessageId ?? approved.ProgrammeId);
        var view = await needs.FindAsync(approved.ProgrammeId, context.CancellationToken);
        if (view is null)
        {
            await needs.AddOnceAsync(ProgrammeNeeds.FromApproval(approved), inbox, context.CancellationToken);
            return;
        }
        var changed = approved.Outcomes.Select(o => view.Apply(o, withdrawn: false, approved.ApprovedAt)).ToList();
        if (changed.Contains(true)) await needs.SaveAsync(view, inbox, context.CancellationToken);
    }
}

/// <summary>Applies an outcome's change after approval to the view, once per message.</summary>
public sealed class ProgrammeOutcomeChangedConsumer(IAggregateStore<ProgrammeNeeds> needs, ILogger<ProgrammeOutcomeChangedConsumer> logger)
    : IConsumer<ProgrammeOutcomeChanged>
{
    public async Task Consume(ConsumeContext<ProgrammeOutcomeChanged> context)
    {
        var changed = context.Message;
        // Changes only follow an approval; if the approval has not arrived yet, fail so the retries
        // (and finally the _error queue) keep the change instead of losing it.
        var view = await needs.FindAsync(changed.ProgrammeId, context.CancellationToken)
            ?? throw new DomainRuleException($"Outcome change for programme {changed.ProgrammeId}, whose approval partnerships has not seen.");
        if (!view.Apply(changed.Outcome, changed.Withdrawn, changed.ChangedAt))
        {
            logger.LogInformation("Outcome {OutcomeId} change was older than the one applied", changed.Outcome.OutcomeId);
            return;
        }
        await needs.SaveAsync(view, new ProcessedMessage(nameof(ProgrammeOutcomeChangedConsumer), context.MessageId ?? Guid.NewGuid()), context.CancellationToken);
    }
}
