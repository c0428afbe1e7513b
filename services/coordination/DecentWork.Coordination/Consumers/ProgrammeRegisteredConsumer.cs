using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>Records each DWCP the programming service registers, once, as a KnownProgramme.</summary>
public sealed class ProgrammeRegisteredConsumer(IAggregateStore<KnownProgramme> programmes, ILogger<ProgrammeRegisteredConsumer> logger)
    : IConsumer<ProgrammeRegistered>
{
    public async Task Consume(ConsumeContext<ProgrammeRegistered> context)
    {
        var registered = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeRegisteredConsumer), context.MessageId ?? registered.ProgrammeId);
        if (!await programmes.AddOnceAsync(KnownProgramme.From(registered), inbox, context.CancellationToken))
            logger.LogInformation("Programme {ProgrammeId} was already known", registered.ProgrammeId);
    }
}
