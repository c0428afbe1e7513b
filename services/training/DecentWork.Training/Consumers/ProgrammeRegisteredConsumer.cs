using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>
/// Builds training's view of the DWCPs from programming's announcements, once per programme; when
/// the approval arrived first (another queue), the registration adds the title to that view.
/// </summary>
public sealed class ProgrammeRegisteredConsumer(IAggregateStore<KnownProgramme> programmes, ILogger<ProgrammeRegisteredConsumer> logger)
    : IConsumer<ProgrammeRegistered>
{
    public async Task Consume(ConsumeContext<ProgrammeRegistered> context)
    {
        var registered = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeRegisteredConsumer), context.MessageId ?? registered.ProgrammeId);
        var known = await programmes.FindAsync(registered.ProgrammeId, context.CancellationToken);
        if (known is null)
        {
            if (await programmes.AddOnceAsync(KnownProgramme.Heard(registered.ProgrammeId, registered.CountryCode, registered.Title), inbox, context.CancellationToken))
                return;
            // The approval's view was inserted meanwhile: apply the registration to it.
            known = await programmes.FindAsync(registered.ProgrammeId, context.CancellationToken);
        }
        if (known is not null && known.ApplyRegistration(registered.Title))
            await programmes.SaveAsync(known, inbox, context.CancellationToken);
        else
            logger.LogInformation("Programme {ProgrammeId} was already known", registered.ProgrammeId);
    }
}
