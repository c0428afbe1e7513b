using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Counting;
using DecentWork.Training.Domain;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>
/// Recounts the programmes a change in training can move, from the events that change raised in
/// its own save: so a crash after the RPC saved loses no recount (the outbox still holds the
/// event), and a redelivery only recounts again, which changes nothing. ProgrammeTrainingCounted
/// is then saved with the tally, through the outbox too.
/// </summary>
public sealed class ProgrammeRecountConsumer(IAggregateStore<Course> courses, IAggregateStore<Edition> editions, ProgrammeTrainingCounter counter)
    : IConsumer<EditionParticipantsTrained>, IConsumer<CourseLinkedToProgramme>, IConsumer<EditionLinkedToOutcome>
{
    /// <summary>Attendance counts for every programme the course or the edition itself is linked to.</summary>
    public async Task Consume(ConsumeContext<EditionParticipantsTrained> context)
    {
        var trained = context.Message;
        var course = await courses.FindAsync(trained.CourseId, context.CancellationToken);
        var edition = await editions.FindAsync(trained.EditionId, context.CancellationToken);
        var programmes = (course?.LinkedProgrammeIds ?? []).Union(edition?.LinkedProgrammeIds ?? []);
        foreach (var programmeId in programmes)
            await counter.RecountAsync(programmeId, context.CancellationToken);
    }

    /// <summary>The course's trained participants from the programme's country now count for it.</summary>
    public Task Consume(ConsumeContext<CourseLinkedToProgramme> context) =>
        counter.RecountAsync(context.Message.ProgrammeId, context.CancellationToken);

    /// <summary>The edition's trained participants from the programme's country now count for it.</summary>
    public Task Consume(ConsumeContext<EditionLinkedToOutcome> context) =>
        counter.RecountAsync(context.Message.ProgrammeId, context.CancellationToken);
}
