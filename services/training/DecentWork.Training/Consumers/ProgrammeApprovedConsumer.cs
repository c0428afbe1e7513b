using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>
/// Records the outcomes a DWCP was approved with, which courses and editions may then be linked
/// to. Creates the programme's view when ProgrammeRegistered has not arrived yet (another queue).
/// </summary>
public sealed class ProgrammeApprovedConsumer(IAggregateStore<KnownProgramme> programmes, ILogger<ProgrammeApprovedConsumer> logger)
    : IConsumer<ProgrammeApproved>
{
    public async Task Consume(ConsumeContext<ProgrammeApproved> context)
    {
        var approved = context.Message;
        var inbox = new ProcessedMessage(nameof(ProgrammeApprovedConsumer), context.MessageId ?? approved.ProgrammeId);
        var known = await programmes.FindAsync(approved.ProgrammeId, context.CancellationToken);
        // A view another consumer inserted meanwhile throws DuplicateKeyException, a stale version
        // ConcurrencyConflictException: MassTransit's retry reads again and applies again.
        if (known is null)
            await programmes.SaveAsync(KnownProgramme.HeardApproved(approved), inbox, context.CancellationToken);
        else if (known.Approve(approved))
            await programmes.SaveAsync(known, inbox, context.CancellationToken);
        else
            logger.LogInformation("Approval of programme {ProgrammeId} was already applied", approved.ProgrammeId);
    }
}
