using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Counting;

/// <summary>Training is the source of the people trained per programme: each programme's tally, which its counts publish.</summary>
public sealed class TrainingReconciliationFigures(IAggregateStore<ProgrammeTraining> tallies) : IReconciliationFigures
{
    /// <summary>More tallies than programmes the platform will ever hold; one per programme.</summary>
    private const int MaxProgrammes = 100_000;

    // Tallies have no unique string key to page on; one read by id is bounded by the number of programmes.
    public async Task<IReadOnlyList<ReconciliationFigure>> ReadAsync(CancellationToken cancellationToken) =>
        [.. (await tallies.QueryAsync(_ => true, new SortOrder<ProgrammeTraining>(t => t.Id), 0, MaxProgrammes, cancellationToken))
            .Select(t => new ReconciliationFigure(ReconciliationFigureNames.ParticipantsTrained, t.Id, t.ParticipantsTrained, IsSource: true))];
}
