using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// The totals of the capacity-built report: how many programmes it covers, how many of those
/// training counted for, and the people and participant-days counted. A pure function of the
/// <see cref="TrainingByProgrammeProjection"/> buckets the caller may see, in the status asked for.
/// </summary>
public sealed record TrainingByProgrammeReport(int ProgrammeCount, int ProgrammesCounted, int ParticipantsTrained, int ParticipantDays)
{
    /// <param name="status">The status asked for; 0 = any but discarded, as every report leaves discarded drafts out unless asked.</param>
    public static TrainingByProgrammeReport From(IEnumerable<Bucket> buckets, ProgrammeStatus status)
    {
        var covered = buckets.Where(b => status == 0
            ? TrainingByProgrammeProjection.StatusOf(b) != ProgrammeStatus.Discarded
            : TrainingByProgrammeProjection.StatusOf(b) == status).ToList();
        int Sum(string figure) => (int)covered.Sum(b => b[figure]);
        return new TrainingByProgrammeReport((int)covered.Sum(b => b.Count), Sum(TrainingByProgrammeProjection.Counted),
            Sum(TrainingByProgrammeProjection.Trained), Sum(TrainingByProgrammeProjection.Days));
    }
}

/// <summary>
/// Per "{country}|{region}|{status}": the programmes, those training counted for, and training's
/// latest totals. Training's count lives in the programme, so each count moves the figures in the
/// same transaction as the programme it is saved with; a status change moves the programme from
/// one bucket to another. Discarded programmes are kept under their status, because the report
/// shows them when that status is asked for.
/// </summary>
public sealed class TrainingByProgrammeProjection : Projection<Programme>
{
    public const string ProjectionName = "training-by-programme";
    internal const string Counted = "counted";
    internal const string Trained = "trained";
    internal const string Days = "days";
    public override string Name => ProjectionName;

    public override void Contribute(Programme state, Contributions contributions)
    {
        var key = BucketKey.Of(state.CountryCode, ((int)state.Region).ToString("D2"), ((int)state.Status).ToString("D2"));
        contributions.Count(key);
        if (state.Training is not { } training) return;
        contributions.Add(key, Counted, 1).Add(key, Trained, training.ParticipantsTrained).Add(key, Days, training.ParticipantDays);
    }

    /// <summary>The status of a bucket's programmes (the key's third part).</summary>
    public static ProgrammeStatus StatusOf(Bucket bucket) => (ProgrammeStatus)int.Parse(bucket.Parts[2]);
}
