using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Counting;

/// <summary>
/// Recounts a programme's training and saves the tally, whose save publishes
/// ProgrammeTrainingCounted through the outbox.
///
/// It runs from the events a change raises in its own save (attendance recorded, a course or an
/// edition linked; see Consumers/ProgrammeRecountConsumer), never inside the RPC: the totals span
/// every edition of every linked course, many documents that no single save holds. The tally is
/// recomputed from the stored editions every time (never incremented), so a redelivered or
/// repeated recount is harmless, and a lost race on the tally's version is retried on fresh reads.
/// </summary>
public sealed class ProgrammeTrainingCounter(
    IAggregateStore<Course> courses, IAggregateStore<Edition> editions, IAggregateStore<KnownProgramme> programmes,
    IAggregateStore<ProgrammeTraining> tallies, TimeProvider clock)
{
    public async Task RecountAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (await programmes.FindAsync(programmeId, cancellationToken) is not { } programme) return;
        // Another recount saved first (or created the tally first): count again from what is stored now.
        await tallies.ChangeAsync(async token => await tallies.FindAsync(programmeId, token) ?? ProgrammeTraining.For(programme), expectedVersion: 0,
            async tally => tally.Recount(await EditionsOfLinkedCoursesAsync(programmeId, cancellationToken), clock.GetUtcNow()),
            cancellationToken, ConflictRetry.Consumer);
    }

    /// <summary>The editions of the courses linked to the programme, and the editions linked to it themselves, each once.</summary>
    private async Task<List<Edition>> EditionsOfLinkedCoursesAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var key = ProgrammeKeys.Key(programmeId);
        var linked = await courses.ReadAllAsync(c => c.LinkedProgrammeKeys.Contains(key), new SortOrder<Course>(c => c.Code), cancellationToken);
        var all = new Dictionary<Guid, Edition>();
        foreach (var courseId in linked.Select(c => c.Id))
            foreach (var edition in await editions.ReadAllAsync(e => e.CourseId == courseId, new SortOrder<Edition>(e => e.ListKey), cancellationToken))
                all[edition.Id] = edition;
        foreach (var edition in await editions.ReadAllAsync(e => e.LinkedProgrammeKeys.Contains(key), new SortOrder<Edition>(e => e.ListKey), cancellationToken))
            all.TryAdd(edition.Id, edition);
        return [.. all.Values];
    }

}
