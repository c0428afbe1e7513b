using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// What each approval gives each DWCP, kept with every approval saved, so a programme's funding
/// gap reads its own buckets instead of every approval for several programmes:
/// "p|programme|year|partner" (what the approval counts for the programme, as
/// <see cref="ProgrammeFunding.Approved"/> counts it, and how many approvals fund it) and
/// "o|outcome|approval's programme (empty for several)|year" (dollars allocated to the outcome).
/// </summary>
public sealed class ProgrammeFundingTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "programme-funding-totals";
    public const string UsdFigure = "usd";

    public override string Name => ProjectionName;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        // A cancelled approval counts nowhere; the store subtracts what it counted before.
        if (approval.IsCancelled()) return;
        var year = approval.Year.ToString("D4", CultureInfo.InvariantCulture);
        var funded = approval.ProgrammeId != Guid.Empty
            ? [approval.ProgrammeId]
            : approval.Allocations.Select(x => x.ProgrammeId).OfType<Guid>().Distinct();
        foreach (var programme in funded)
        {
            var amount = ProgrammeFunding.Approved(programme, [approval]);
            if (amount <= 0m) continue;
            var key = BucketKey.Of("p", programme.ToString("N"), year, approval.PartnerId.ToString("N"));
            contributions.Count(key).Add(key, UsdFigure, amount);
        }
        foreach (var outcome in approval.Allocations.Where(x => x.OutcomeId is not null).GroupBy(x => x.OutcomeId!.Value))
        {
            var key = BucketKey.Of("o", outcome.Key.ToString("N"), approval.ProgrammeId.ToString("N"), year);
            contributions.Add(key, UsdFigure, outcome.Sum(x => x.AmountUsd));
        }
    }

    public static BucketRange OfProgramme(Guid programmeId) => BucketRange.Prefix($"p|{programmeId:N}|");

    public static BucketRange OfOutcome(Guid outcomeId) => BucketRange.Prefix($"o|{outcomeId:N}|");
}

/// <summary>One "p" bucket: what a partner's approvals of one year give one programme.</summary>
public sealed record ProgrammeFundingYear(int Year, Guid PartnerId, decimal AmountUsd)
{
    public static IEnumerable<ProgrammeFundingYear> From(IEnumerable<Bucket> buckets) => buckets.Select(b =>
        new ProgrammeFundingYear(int.Parse(b.Parts[2], CultureInfo.InvariantCulture), Guid.ParseExact(b.Parts[3], "N"), b[ProgrammeFundingTotals.UsdFigure]));
}

/// <summary>One "o" bucket: what the approvals of one year naming one programme (or several) allocate to an outcome.</summary>
public sealed record OutcomeFundingYear(Guid ApprovalProgrammeId, int Year, decimal AmountUsd)
{
    public static IEnumerable<OutcomeFundingYear> From(IEnumerable<Bucket> buckets) => buckets.Select(b =>
        new OutcomeFundingYear(Guid.ParseExact(b.Parts[2], "N"), int.Parse(b.Parts[3], CultureInfo.InvariantCulture), b[ProgrammeFundingTotals.UsdFigure]));

    /// <summary>
    /// The outcome's allocations that count for its programme's gap: those of approvals naming the
    /// programme or several programmes (as the gap has always read them), in the period.
    /// </summary>
    public static decimal AllocatedTo(Guid programmeId, IEnumerable<OutcomeFundingYear> years, int from, int to) =>
        years.Where(y => (y.ApprovalProgrammeId == programmeId || y.ApprovalProgrammeId == Guid.Empty) && y.Year >= from && y.Year <= to)
            .Sum(y => y.AmountUsd);
}
