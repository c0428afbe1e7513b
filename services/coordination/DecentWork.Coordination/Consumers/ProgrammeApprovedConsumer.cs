using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Records a DWCP's approval and its outcomes, which LinkOutcomes needs. Creates the programme's
/// view when ProgrammeRegistered has not arrived yet (it travels on another queue).
/// </summary>
public sealed class ProgrammeApprovedConsumer(IAggregateStore<KnownProgramme> programmes, ILogger<ProgrammeApprovedConsumer> logger)
    : IConsumer<ProgrammeApproved>
{
    public async Task Consume(ConsumeContext<ProgrammeApproved> context)
    {
        var approved = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeApprovedConsumer), context.MessageId ?? approved.ProgrammeId);
        var known = await programmes.FindAsync(approved.ProgrammeId, context.CancellationToken);
        // Saving a new view that another consumer inserted meanwhile throws DuplicateKeyException,
        // and a stale version ConcurrencyConflictException: MassTransit's retry re-reads and applies again.
        if (known is null)
            await programmes.SaveAsync(KnownProgramme.From(approved), inbox, context.CancellationToken);
        else if (known.Approve(approved))
            await programmes.SaveAsync(known, inbox, context.CancellationToken);
        else
            logger.LogInformation("Approval of programme {ProgrammeId} was already applied", approved.ProgrammeId);
    }
}
