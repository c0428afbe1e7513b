using DecentWork.Contracts.Events.Training;
using DecentWork.Training.Counting;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>
/// Recounts a programme a removed link no longer feeds, from the event raised in the removal's own
/// save (as <see cref="ProgrammeRecountConsumer"/> does for links made): the new tally publishes
/// ProgrammeTrainingCounted, which programming applies by revision, so its figures follow the unlink.
/// </summary>
public sealed class ProgrammeUnlinkRecountConsumer(ProgrammeTrainingCounter counter)
    : IConsumer<CourseUnlinkedFromProgramme>, IConsumer<EditionUnlinkedFromOutcome>
{
    public Task Consume(ConsumeContext<CourseUnlinkedFromProgramme> context) =>
        counter.RecountAsync(context.Message.ProgrammeId, context.CancellationToken);

    public Task Consume(ConsumeContext<EditionUnlinkedFromOutcome> context) =>
        counter.RecountAsync(context.Message.ProgrammeId, context.CancellationToken);
}
