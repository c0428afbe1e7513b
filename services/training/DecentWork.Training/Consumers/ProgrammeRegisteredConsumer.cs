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
        var programme = KnownProgramme.Heard(registered.ProgrammeId, registered.CountryCode, registered.Title);
        var inbox = new ProcessedMessage(nameof(ProgrammeRegisteredConsumer), context.MessageId ?? registered.ProgrammeId);
        if (!await programmes.AddOnceAsync(programme, inbox, context.CancellationToken))
            logger.LogInformation("Programme {ProgrammeId} was already known", registered.ProgrammeId);
    }
}
