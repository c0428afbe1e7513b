using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>Applies an outcome added, changed or withdrawn after approval; an older version is ignored.</summary>
public sealed class ProgrammeOutcomeChangedConsumer(IAggregateStore<KnownProgramme> programmes, ILogger<ProgrammeOutcomeChangedConsumer> logger)
    : IConsumer<ProgrammeOutcomeChanged>
{
    public async Task Consume(ConsumeContext<ProgrammeOutcomeChanged> context)
    {
        var changed = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeOutcomeChangedConsumer), context.MessageId ?? changed.Outcome.OutcomeId);
        // The event names no country, so the programme must be known first; throwing lets the
        // retries (and finally the _error queue) keep the change until its approval has arrived.
        var known = await programmes.FindAsync(changed.ProgrammeId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Programme {changed.ProgrammeId} is not known yet; its outcome change will be retried.");
        if (known.ApplyOutcome(changed.Outcome, changed.Withdrawn, changed.ChangedAt))
            await programmes.SaveAsync(known, inbox, context.CancellationToken);
        else
            logger.LogInformation("Outcome {OutcomeId} change was not newer than the one held", changed.Outcome.OutcomeId);
    }
}
