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
        // The inbox catches a redelivery of the same message; this catches the same programme sent
        // again under a new message id (a republish), which the inbox cannot recognise.
        if (await programmes.FindAsync(registered.ProgrammeId, context.CancellationToken) is not null)
        {
            logger.LogInformation("Programme {ProgrammeId} is already known", registered.ProgrammeId);
            return;
        }

        var programme = KnownProgramme.From(registered);
        var inbox = new ProcessedMessage(nameof(ProgrammeRegisteredConsumer), context.MessageId ?? registered.ProgrammeId);
        try
        {
            await programmes.SaveAsync(programme, inbox, context.CancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Two deliveries of the same programme raced past the lookup; the other one stored it.
            logger.LogInformation("Programme {ProgrammeId} was stored by a concurrent delivery", registered.ProgrammeId);
        }
    }
}
