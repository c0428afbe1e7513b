using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The agreements' latest alignment reviews, kept in the same save as every agreement, in two
/// families: "y|review year" over every partner and "p|partner|review year" per partner, each with
/// the reviews (count) and, per criterion, how many meet it. A new review replaces the old one in
/// the agreement, so the store moves the agreement from the old review's buckets to the new one's.
/// A table over a period reads one bucket per year, for every partner or one, however many
/// agreements and partners: what ReportAgreementAlignment reads unless agreements are named.
/// (Version 1 kept "review year|partner" only, so the table over every partner read years ×
/// partners buckets and grew with the agreements until each partner reviewed in every year.)
/// </summary>
public sealed class AgreementAlignmentTotals : Projection<Agreement>
{
    public const string ProjectionName = "agreement-alignment-totals";
    private const string EveryPartner = "y", OnePartner = "p";
    private const string StrategicPriorities = "sp", ProgrammingCycles = "pc", PredictableFunding = "pf", HarmonisedReporting = "hr", CommonPrinciples = "cp";

    public override string Name => ProjectionName;

    public override int Version => 2;

    public override void Contribute(Agreement state, Contributions contributions)
    {
        if (state.AlignmentReview is not { } review) return;
        var year = BucketKey.Year(review.ReviewDate.Year);
        foreach (var key in new[] { BucketKey.Of(EveryPartner, year), BucketKey.Of(OnePartner, state.PartnerId.ToString("N"), year) })
        {
            contributions.Count(key);
            foreach (var (figure, finding) in new[] { (StrategicPriorities, review.StrategicPriorities), (ProgrammingCycles, review.ProgrammingCycles),
                (PredictableFunding, review.PredictableFunding), (HarmonisedReporting, review.HarmonisedReporting), (CommonPrinciples, review.CommonPrinciples) })
                if (finding?.Met == true) contributions.Count(key, figure);
        }
    }

    /// <summary>The buckets of the reviews from <paramref name="startYear"/> to <paramref name="endYear"/>, of one partner (null: every partner).</summary>
    public static BucketRange Between(Guid? partnerId, int startYear, int endYear)
    {
        var (from, until) = (BucketKey.Year(startYear), BucketKey.Year(endYear));
        return partnerId is { } only
            ? BucketRange.Between(BucketKey.Of(OnePartner, only.ToString("N"), from), BucketKey.Of(OnePartner, only.ToString("N"), until))
            : BucketRange.Between(BucketKey.Of(EveryPartner, from), BucketKey.Of(EveryPartner, until));
    }

    /// <summary>The alignment table over the buckets, as <see cref="AlignmentTable.Of"/> counts it over the reviews.</summary>
    public static AlignmentTable Table(IEnumerable<Bucket> buckets)
    {
        var all = buckets.ToList();
        int Sum(string figure) => (int)all.Sum(b => b[figure]);
        return new AlignmentTable((int)all.Sum(b => b.Count), Sum(StrategicPriorities), Sum(ProgrammingCycles), Sum(PredictableFunding),
            Sum(HarmonisedReporting), Sum(CommonPrinciples));
    }
}
