using DecentWork.Contracts.Events.Training;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// Keeps training's running totals per programme (capacity built). A redelivered message is
/// applied once (inbox); a count republished under a new message id, or overtaken by a newer one,
/// is dropped by its revision.
/// </summary>
public sealed class ProgrammeTrainingCountedConsumer(IAggregateStore<Programme> programmes, TimeProvider clock, ILogger<ProgrammeTrainingCountedConsumer> logger)
    : IConsumer<ProgrammeTrainingCounted>
{
    public const string ChangedBy = "system:training";

    public async Task Consume(ConsumeContext<ProgrammeTrainingCounted> context)
    {
        var counted = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeTrainingCountedConsumer), context.MessageId ?? Guid.NewGuid());
        // Two counts racing for one programme (or a count and a user's change): the loser's save is
        // a version conflict, and the retry reads the winner's state before deciding again.
        var applied = await ConflictRetry.Consumer.RunAsync<Programme, bool>(async token =>
        {
            // Training learns of programmes from programming's own events, so an unknown one is a
            // fault: after the retries it waits in the _error queue instead of being lost.
            var programme = await programmes.FindAsync(counted.ProgrammeId, token)
                ?? throw new DomainRuleException($"Training counted programme {counted.ProgrammeId}, which is not registered.");
            return programme.RecordTrainingCount(counted.Revision, counted.ParticipantsTrained, counted.ParticipantDays, counted.CountedAt,
                    new Change(ChangedBy, clock.GetUtcNow()))
                && await programmes.SaveAsync(programme, inbox, token);
        }, context.CancellationToken, nameof(ProgrammeTrainingCountedConsumer));
        if (!applied)
            logger.LogInformation("Training count revision {Revision} for {ProgrammeId} is not newer than the one held", counted.Revision, counted.ProgrammeId);
    }
}
