using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Records each DWCP the programming service registers, once, as a KnownProgramme; fills in title
/// and period when the programme's approval happened to arrive first.
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
            if (await programmes.AddOnceAsync(KnownProgramme.From(registered), inbox, context.CancellationToken)) return;
            // Lost a race with the approval consumer (or a redelivery): fill in what it lacks, if anything.
            known = await programmes.FindAsync(registered.ProgrammeId, context.CancellationToken);
        }
        // A conflicting save throws and MassTransit retries the whole message against the new version.
        if (known is not null && known.ApplyRegistration(registered))
            await programmes.SaveAsync(known, inbox, context.CancellationToken);
        else
            logger.LogInformation("Programme {ProgrammeId} was already known", registered.ProgrammeId);
    }
}
