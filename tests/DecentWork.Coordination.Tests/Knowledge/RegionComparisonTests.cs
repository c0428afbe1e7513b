using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Tests.Knowledge;

public class RegionComparisonTests
{
    private static Bucket B(string key, params (string Figure, decimal Amount)[] figures) =>
        new(key, figures.ToDictionary(f => f.Figure, f => f.Amount));

    private static readonly Bucket[] Buckets =
    [
        B("1|KEN", ("programmes", 1), ("outcomes", 2), ("needs", 500_000m)),
        B("1|KEN", ("funded", 200_000m)),
        B("1|TZA", ("programmes", 1), ("outcomes", 1), ("needs", 100_000m)),
        B("1|TZA", ("funded", 300_000m)),
        B("1|KEN", ("good-practices", 2)),
        B("1|-", ("lessons", 1)),
        B("2|BRA", ("programmes", 1), ("outcomes", 3), ("needs", 900_000m)),
    ];

    [Fact]
    public void Compare_WhenWithinARegion_OneRowPerCountryWithItsGap()
    {
        var result = RegionComparison.Compare(IloRegion.Africa, Buckets, null);
        Assert.Equal(["KEN", "TZA"], result.Rows.Select(r => r.CountryCode));
        var kenya = result.Rows[0];
        Assert.Equal((2L, 500_000m, 200_000m, 300_000m, 40.00m, 2L), (kenya.Outcomes, kenya.NeedsUsd, kenya.FundedUsd, kenya.GapUsd, kenya.FundedPercent, kenya.GoodPractices));
        // Tanzania is over-funded: its gap is zero, and its surplus does not fill Kenya's gap in the total.
        Assert.Equal(0m, result.Rows[1].GapUsd);
        Assert.Equal((600_000m, 500_000m, 300_000m), (result.Total.NeedsUsd, result.Total.FundedUsd, result.Total.GapUsd));
    }

    [Fact]
    public void Compare_WhenBetweenRegions_OneRowPerRegionIncludingRegionalItems()
    {
        var result = RegionComparison.Compare(null, Buckets, null);
        Assert.Equal([IloRegion.Africa, IloRegion.Americas], result.Rows.Select(r => r.Region));
        Assert.Equal((2L, 3L, 1L), (result.Rows[0].Programmes, result.Rows[0].Outcomes, result.Rows[0].LessonsLearned));
        Assert.Equal(1_200_000m, result.Total.GapUsd);
        Assert.Null(RegionComparisonRow.Empty("", IloRegion.Africa).FundedPercent);
    }

    [Fact]
    public void Compare_WhenScoped_ShowsOnlyTheCallersCountries()
    {
        var result = RegionComparison.Compare(IloRegion.Africa, Buckets, new HashSet<string> { "TZA" });
        Assert.Equal(["TZA"], result.Rows.Select(r => r.CountryCode));
        Assert.Equal(100_000m, RegionComparison.Compare(null, Buckets, new HashSet<string> { "TZA" }).Total.NeedsUsd);
    }

    [Fact]
    public void KnownFunding_WhenAllocationsNameCountriesOrProgrammes_SplitsByCountry()
    {
        var programme = Guid.NewGuid();
        // Not for one programme: the region-only allocation has no country to go to and is left out.
        var approved = new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "Donor", Guid.Empty, 1_000m, 2008, DateTimeOffset.UnixEpoch,
            [new("Africa", "ken", null, null, 1, 600m), new(null, null, programme, null, null, 300m), new("Africa", null, null, null, null, 100m)]);
        var funding = KnownFunding.From(approved, id => id == programme ? "TZA" : null);
        Assert.Equal([("KEN", 600m), ("TZA", 300m)], funding.Shares.Select(s => (s.CountryCode, s.AmountUsd)));
        Assert.Equal([programme], KnownFunding.ProgrammesNamed(approved));
        // For one programme: what names no country goes to the programme's.
        var forProgramme = approved with { ProgrammeId = programme };
        Assert.Equal([("KEN", 600m), ("TZA", 400m)], KnownFunding.From(forProgramme, id => id == programme ? "TZA" : null).Shares.Select(s => (s.CountryCode, s.AmountUsd)));
    }

    [Fact]
    public void KnownFunding_WhenItsProgrammeIsNotKnownYet_FailsSoTheMessageIsRetried()
    {
        var approved = new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "Donor", Guid.NewGuid(), 1_000m, 2008, DateTimeOffset.UnixEpoch);
        Assert.Throws<NotKnownYetException>(() => KnownFunding.From(approved, _ => null));
    }
}
