namespace DecentWork.Contracts.Events.Training;

/// <summary>
/// What other services may show of a catalogue course, published (through the outbox, with the
/// save) when it is published in the catalogue, whenever those words change (ChangeCourse) and when
/// it is withdrawn (WithdrawCourse). The whole current
/// state: a consumer keeps the one with the highest <paramref name="Revision"/>.
/// </summary>
/// <param name="Revision">Grows with every change this event announces (1 when published).</param>
/// <param name="Withdrawn">True once the course leaves the catalogue: it should no longer be found.</param>
public sealed record CoursePublished(
    Guid CourseId,
    string Code,
    string Title,
    string Description,
    DateTimeOffset PublishedAt,
    bool Withdrawn,
    int Revision,
    DateTimeOffset ChangedAt);
