using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>Builds training's view of the DWCPs from programming's announcements, once per programme.</summary>
public sealed class ProgrammeRegisteredConsumer(IAggregateStore<KnownProgramme> programmes, ILogger<ProgrammeRegisteredConsumer> logger)
    : IConsumer<ProgrammeRegistered>
{
    public async Task Consume(ConsumeContext<ProgrammeRegistered> context)
    {
        var registered = context.Message;
        // The inbox only catches a redelivery of the same message; a republish under a new message
        // id (an outbox replay, say) would otherwise fail on the taken id and land in _error.
        if (await programmes.FindAsync(registered.ProgrammeId, context.CancellationToken) is not null)
        {
            logger.LogInformation("Programme {ProgrammeId} is already known", registered.ProgrammeId);
            return;
        }
        var programme = KnownProgramme.Heard(registered.ProgrammeId, registered.CountryCode, registered.Title);
        var inbox = new ProcessedMessage(nameof(ProgrammeRegisteredConsumer), context.MessageId ?? registered.ProgrammeId);
        if (!await programmes.SaveAsync(programme, inbox, context.CancellationToken))
            logger.LogInformation("ProgrammeRegistered message {MessageId} was already applied", inbox.MessageId);
    }
}
