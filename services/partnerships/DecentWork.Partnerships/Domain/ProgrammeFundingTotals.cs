using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// What each approval gives each DWCP, kept with every approval saved, so a programme's funding
/// gap reads its own buckets instead of every approval for several programmes:
/// "t|programme" (per year, "usd-YYYY" what the approvals count for the programme, as
/// <see cref="ProgrammeFunding.Approved"/> counts it, and "n-YYYY" how many approvals fund it),
/// "p|programme|partner" (how many of the partner's approvals fund it: whether a partner agency may
/// see the gap) and "o|outcome|approval's programme (empty for several)|year" (dollars allocated to
/// the outcome). Version 1 kept "p|programme|year|partner" with the dollars, which a programme's gap
/// read whole: years × partners buckets, growing with the approvals until every partner funded the
/// programme in every year (1,550 buckets, 18.8 ms, at a million approvals over 500 programmes).
/// </summary>
public sealed class ProgrammeFundingTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "programme-funding-totals";
    public const string UsdFigure = "usd";

    public override string Name => ProjectionName;

    public override int Version => 2;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        // A cancelled approval counts nowhere; the store subtracts what it counted before.
        if (approval.IsCancelled()) return;
        var year = BucketKey.Year(approval.Year);
        var funded = approval.ProgrammeId != Guid.Empty
            ? [approval.ProgrammeId]
            : approval.Allocations.Select(x => x.ProgrammeId).OfType<Guid>().Distinct();
        foreach (var programme in funded)
        {
            var amount = ProgrammeFunding.Approved(programme, [approval]);
            if (amount <= 0m) continue;
            YearFigures.Add(contributions, BucketKey.Of("t", programme.ToString("N")), approval.Year, amount);
            contributions.Count(BucketKey.Of("p", programme.ToString("N"), approval.PartnerId.ToString("N")));
        }
        foreach (var outcome in approval.Allocations.Where(x => x.OutcomeId is not null).GroupBy(x => x.OutcomeId!.Value))
        {
            var key = BucketKey.Of("o", outcome.Key.ToString("N"), approval.ProgrammeId.ToString("N"), year);
            contributions.Add(key, UsdFigure, outcome.Sum(x => x.AmountUsd));
        }
    }

    /// <summary>The programme's one totals bucket (none when nothing funds it).</summary>
    public static BucketRange TotalsOf(Guid programmeId) => BucketRange.Prefix($"t|{programmeId:N}");

    /// <summary>Every programme's totals bucket (what reconciliation sums).</summary>
    public static BucketRange EveryProgrammesTotals => BucketRange.Prefix("t|");

    /// <summary>One bucket per partner whose approvals fund the programme.</summary>
    public static BucketRange PartnersOf(Guid programmeId) => BucketRange.Prefix($"p|{programmeId:N}|");

    public static Guid PartnerOf(Bucket partnerBucket) => Guid.ParseExact(partnerBucket.Parts[2], "N");

    public static Guid ProgrammeOf(Bucket totalsBucket) => Guid.ParseExact(totalsBucket.Parts[1], "N");

    public static BucketRange OfOutcome(Guid outcomeId) => BucketRange.Prefix($"o|{outcomeId:N}|");
}

/// <summary>One year of a "t" bucket: what the approvals of that year give one programme, and how many they are.</summary>
public sealed record ProgrammeFundingYear(int Year, decimal AmountUsd, int Approvals)
{
    public static IEnumerable<ProgrammeFundingYear> From(Bucket totals) =>
        YearFigures.Of(totals).Select(y => new ProgrammeFundingYear(y.Year, y.AmountUsd, y.Approvals));
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
