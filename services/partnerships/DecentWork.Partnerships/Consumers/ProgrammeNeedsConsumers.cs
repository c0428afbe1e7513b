using DecentWork.Contracts.Events.Programming;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Partnerships.Consumers;

/// <summary>
/// Makes a programme known as soon as programming registers it, so approvals may name it before
/// its approval; an existing view (the approval arrived first, on its own queue) already knows it.
/// </summary>
public sealed class ProgrammeRegisteredConsumer(IAggregateStore<ProgrammeNeeds> needs, ILogger<ProgrammeRegisteredConsumer> logger)
    : IConsumer<ProgrammeRegistered>
{
    public async Task Consume(ConsumeContext<ProgrammeRegistered> context)
    {
        var registered = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeRegisteredConsumer), context.MessageId ?? registered.ProgrammeId);
        if (!await needs.AddOnceAsync(ProgrammeNeeds.FromRegistration(registered), inbox, context.CancellationToken))
            logger.LogInformation("Programme {ProgrammeId} was already known", registered.ProgrammeId);
    }
}

/// <summary>
/// Records the outcomes and needs of an approved programme: creates the view when the registration
/// has not arrived (another queue), else applies the approval to it; a later approval of the same
/// programme (after a revision) updates the outcomes it carries.
/// </summary>
public sealed class ProgrammeApprovedConsumer(IAggregateStore<ProgrammeNeeds> needs, ILogger<ProgrammeApprovedConsumer> logger)
    : IConsumer<ProgrammeApproved>
{
    public async Task Consume(ConsumeContext<ProgrammeApproved> context)
    {
        var approved = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeApprovedConsumer), context.MessageId ?? approved.ProgrammeId);
        var view = await needs.FindAsync(approved.ProgrammeId, context.CancellationToken);
        // A view the registration inserted meanwhile throws DuplicateKeyException, a stale version
        // ConcurrencyConflictException: MassTransit's retry reads again and applies the approval to it.
        if (view is null)
            await needs.SaveAsync(ProgrammeNeeds.FromApproval(approved), inbox, context.CancellationToken);
        else if (view.Approve(approved))
            await needs.SaveAsync(view, inbox, context.CancellationToken);
        else
            logger.LogInformation("Approval of programme {ProgrammeId} was already applied", approved.ProgrammeId);
    }
}

/// <summary>Applies an outcome's change after approval to the view, once per message.</summary>
public sealed class ProgrammeOutcomeChangedConsumer(IAggregateStore<ProgrammeNeeds> needs, ILogger<ProgrammeOutcomeChangedConsumer> logger)
    : IConsumer<ProgrammeOutcomeChanged>
{
    public async Task Consume(ConsumeContext<ProgrammeOutcomeChanged> context)
    {
        var changed = context.Message;
        // Changes only follow an approval; if neither it nor the registration has arrived yet, fail so the retries
        // (and finally the _error queue) keep the change instead of losing it.
        var view = await needs.FindAsync(changed.ProgrammeId, context.CancellationToken)
            ?? throw new DomainRuleException($"Outcome change for programme {changed.ProgrammeId}, which partnerships has not heard of yet.");
        if (!view.Apply(changed.Outcome, changed.Withdrawn, changed.ChangedAt))
        {
            logger.LogInformation("Outcome {OutcomeId} change was older than the one applied", changed.Outcome.OutcomeId);
            return;
        }
        await needs.SaveAsync(view, new ProcessedMessage(nameof(ProgrammeOutcomeChangedConsumer), context.MessageId ?? Guid.NewGuid()), context.CancellationToken);
    }
}
