using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The agreements' latest alignment reviews, kept in the same save as every agreement:
/// "review year|partner" with the reviews (count) and, per criterion, how many meet it. A new
/// review replaces the old one in the agreement, so the store moves the agreement from the old
/// review's bucket to the new one's. At most years × partners buckets, however many agreements:
/// what ReportAgreementAlignment reads for every partner or one, unless agreements are named.
/// </summary>
public sealed class AgreementAlignmentTotals : Projection<Agreement>
{
    public const string ProjectionName = "agreement-alignment-totals";
    private const string StrategicPriorities = "sp", ProgrammingCycles = "pc", PredictableFunding = "pf", HarmonisedReporting = "hr", CommonPrinciples = "cp";

    public override string Name => ProjectionName;

    public override void Contribute(Agreement state, Contributions contributions)
    {
        if (state.AlignmentReview is not { } review) return;
        var key = BucketKey.Of(review.ReviewDate.Year.ToString("D4", CultureInfo.InvariantCulture), state.PartnerId.ToString("N"));
        contributions.Count(key);
        foreach (var (figure, finding) in new[] { (StrategicPriorities, review.StrategicPriorities), (ProgrammingCycles, review.ProgrammingCycles),
            (PredictableFunding, review.PredictableFunding), (HarmonisedReporting, review.HarmonisedReporting), (CommonPrinciples, review.CommonPrinciples) })
            if (finding?.Met == true) contributions.Count(key, figure);
    }

    public static BucketRange Between(int startYear, int endYear) => BucketRange.Between($"{startYear:D4}", $"{endYear:D4}");

    /// <summary>The buckets of one partner's reviews (null: every partner's).</summary>
    public static IEnumerable<Bucket> OfPartner(IEnumerable<Bucket> buckets, Guid? partnerId) =>
        partnerId is { } only ? buckets.Where(b => b.Parts[1] == only.ToString("N")) : buckets;

    /// <summary>The alignment table over the buckets, as <see cref="AlignmentTable.Of"/> counts it over the reviews.</summary>
    public static AlignmentTable Table(IEnumerable<Bucket> buckets)
    {
        var all = buckets.ToList();
        int Sum(string figure) => (int)all.Sum(b => b[figure]);
        return new AlignmentTable((int)all.Sum(b => b.Count), Sum(StrategicPriorities), Sum(ProgrammingCycles), Sum(PredictableFunding),
            Sum(HarmonisedReporting), Sum(CommonPrinciples));
    }
}
