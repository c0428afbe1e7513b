using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>One row of the status report: programmes of one status and region approved in one year (0: not approved).</summary>
public sealed record StatusCount(ProgrammeStatus Status, IloRegion Region, int ApprovalYear, int ProgrammeCount);

/// <summary>
/// Programmes by status, region and year of approval, with the approvals per year: a pure
/// function of the <see cref="ProgrammesByStatusProjection"/> buckets the caller may see.
/// </summary>
public sealed record ProgrammesByStatusReport(int TotalProgrammes, int InPreparationCount,
    IReadOnlyList<(int Year, int ProgrammeCount)> ApprovalsByYear, IReadOnlyList<StatusCount> Rows)
{
    public static ProgrammesByStatusReport From(IEnumerable<Bucket> buckets)
    {
        var counts = buckets.Select(b => ProgrammesByStatusProjection.Parse(b)).ToList();
        var rows = counts.GroupBy(c => (c.Status, c.Region, c.ApprovalYear))
            .Select(g => new StatusCount(g.Key.Status, g.Key.Region, g.Key.ApprovalYear, g.Sum(c => c.ProgrammeCount)))
            .OrderBy(r => r.Status).ThenBy(r => r.Region).ThenBy(r => r.ApprovalYear).ToList();
        return new ProgrammesByStatusReport(
            rows.Sum(r => r.ProgrammeCount),
            rows.Where(r => IsInPreparation(r.Status)).Sum(r => r.ProgrammeCount),
            rows.Where(r => r.ApprovalYear > 0).GroupBy(r => r.ApprovalYear).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(r => r.ProgrammeCount))).ToList(),
            rows);
    }

    private static bool IsInPreparation(ProgrammeStatus status) =>
        status is ProgrammeStatus.Draft or ProgrammeStatus.InConsultation or ProgrammeStatus.UnderQualityAssurance;
}

/// <summary>
/// Counts each programme once under "{country}|{region}|{status}|{approval year}". The country
/// comes first so a caller scoped to some countries reads only theirs; a status change moves the
/// programme from one bucket to another in the same transaction as the change.
/// </summary>
public sealed class ProgrammesByStatusProjection : Projection<Programme>
{
    public const string ProjectionName = "programmes-by-status";
    public override string Name => ProjectionName;

    public override void Contribute(Programme state, Contributions contributions)
    {
        // A discarded draft is left out of reports. No programme was discarded before the status
        // existed, so the buckets already stored are what this version makes: the version stands.
        if (state.Status == ProgrammeStatus.Discarded) return;
        contributions.Count(BucketKey.Of(state.CountryCode, ((int)state.Region).ToString("D2"), ((int)state.Status).ToString("D2"),
            (state.ApprovedOn?.Year ?? 0).ToString("D4")));
    }

    internal static StatusCount Parse(Bucket bucket) => new(
        (ProgrammeStatus)int.Parse(bucket.Parts[2]), (IloRegion)int.Parse(bucket.Parts[1]), int.Parse(bucket.Parts[3]), (int)bucket.Count);

    /// <summary>The country a bucket's programmes are in (the key's first part).</summary>
    public static string CountryOf(Bucket bucket) => bucket.Parts[0];

    /// <summary>The year a bucket's programmes were approved (the key's fourth part); 0 when not approved.</summary>
    public static int ApprovalYearOf(Bucket bucket) => int.Parse(bucket.Parts[3]);

    /// <summary>The region a bucket's programmes are in (the key's second part).</summary>
    public static IloRegion RegionOf(Bucket bucket) => (IloRegion)int.Parse(bucket.Parts[1]);
}
