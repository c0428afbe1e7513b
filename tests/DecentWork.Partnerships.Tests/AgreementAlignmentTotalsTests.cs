using DecentWork.Partnerships.Domain;

namespace DecentWork.Partnerships.Tests;

/// <summary>The alignment table over the review buckets must equal the table over the agreements' latest reviews, per period and partner.</summary>
public class AgreementAlignmentTotalsTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 5, 1);

    [Fact]
    public void Table_WhenReviewsVaryAndSomeAreReplaced_EqualsTheTableOverTheLatestReviews()
    {
        var random = new Random(3);
        var partners = Enumerable.Range(1, 4).Select(i => Partner.Register($"Partner {i}", PartnerCategory.BilateralGovernment, Now)).ToList();
        var agreements = Enumerable.Range(0, 120).Select(i => Agreement.Register(partners[i % partners.Count], $"Agreement {i}", AgreementKind.MultiYearFramework,
            new DateOnly(2010, 1, 1), new DateOnly(2013, 12, 31), 10m, "USD", Earmarking.Unearmarked, [], Now)).ToList();
        foreach (var (agreement, i) in agreements.Select((a, i) => (a, i)).Where(x => x.i % 5 != 0))
        {
            agreement.ReviewAlignment(AgreementTests.Review(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0,
                random.Next(2) == 0, new DateOnly(random.Next(2012, 2024), 3, 1)), Today);
            // A later review replaces the first: only the latest counts, in its own year.
            if (i % 3 == 0) agreement.ReviewAlignment(AgreementTests.Review(principles: false, date: new DateOnly(2023, 6, 1)), Today);
        }
        var buckets = new AgreementAlignmentTotals().BucketsOf(agreements);

        foreach (var (from, to) in new[] { (1990, 2100), (2015, 2018), (2023, 2023) })
            foreach (var partner in new Guid?[] { null, partners[1].Id })
            {
                var expected = AlignmentTable.Of(agreements.Where(a => partner is null || a.PartnerId == partner).Select(a => a.AlignmentReview)
                    .OfType<AlignmentReview>().Where(r => r.ReviewDate.Year >= from && r.ReviewDate.Year <= to));
                var range = AgreementAlignmentTotals.Between(partner, from, to);
                var read = buckets.Where(b => range.Contains(b.Key)).ToList();
                Assert.Equal(expected, AgreementAlignmentTotals.Table(read));
                Assert.True(read.Count <= to - from + 1, "one bucket per year, for every partner or one");
            }
    }
}
