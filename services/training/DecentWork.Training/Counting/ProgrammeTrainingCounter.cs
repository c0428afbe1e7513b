using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Counting;

/// <summary>
/// Recounts a programme's training after a change that can move it (attendance recorded, a course
/// linked) and saves the tally, whose save publishes ProgrammeTrainingCounted through the outbox.
///
/// It runs after the change was saved, as a second write: the tally is recomputed from the stored
/// editions every time (never incremented), so a retried or repeated recount is harmless, and a
/// lost race on the tally's version is retried on fresh reads. What it cannot cover is a crash
/// between the two writes: the announced totals then lag until the programme's next change.
/// </summary>
public sealed class ProgrammeTrainingCounter(
    IAggregateStore<Course> courses, IAggregateStore<Edition> editions, IAggregateStore<KnownProgramme> programmes,
    IAggregateStore<ProgrammeTraining> tallies, TimeProvider clock)
{
    private const int Batch = 200;

    public async Task RecountAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (await programmes.FindAsync(programmeId, cancellationToken) is not { } programme) return;
        for (var attempt = 1; ; attempt++)
        {
            var tally = await tallies.FindAsync(programmeId, cancellationToken) ?? ProgrammeTraining.For(programme);
            if (!tally.Recount(await EditionsOfLinkedCoursesAsync(programmeId, cancellationToken), clock.GetUtcNow())) return;
            try
            {
                await tallies.SaveAsync(tally, cancellationToken: cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && attempt < 5)
            {
                // another recount saved first: count again from what is stored now
            }
        }
    }

    private async Task<List<Edition>> EditionsOfLinkedCoursesAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var key = Course.ProgrammeKey(programmeId);
        var linked = await ReadAllAsync(courses, c => c.LinkedProgrammeKeys.Contains(key), new SortOrder<Course>(c => c.Code), cancellationToken);
        var all = new List<Edition>();
        foreach (var courseId in linked.Select(c => c.Id))
            all.AddRange(await ReadAllAsync(editions, e => e.CourseId == courseId, new SortOrder<Edition>(e => e.ListKey), cancellationToken));
        return all;
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAggregateStore<T> store, System.Linq.Expressions.Expression<Func<T, bool>> filter, SortOrder<T> order, CancellationToken cancellationToken)
        where T : Aggregate
    {
        var all = new List<T>();
        while (true)
        {
            var batch = await store.QueryAsync(filter, order, all.Count, Batch, cancellationToken);
            all.AddRange(batch);
            if (batch.Count < Batch) return all;
        }
    }
}
