using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Tests;

/// <summary>What the coverage lists read instead of the programmes: counts and ids per country, in the store's order.</summary>
public class ProgrammesByCountryProjectionTests
{
    private static readonly ProgrammesByCountryProjection Projection = new();

    private static ProgrammeRegistered Registered(Guid id, string country, int startYear) =>
        new(id, country, "Africa", $"DWCP {country}", new DateOnly(startYear, 1, 1), new DateOnly(startYear + 3, 12, 31), TestData.ApprovedAt);

    // The buckets the store's range read for the country would give.
    private static IReadOnlyList<Guid> IdsOf(IReadOnlyList<Bucket> buckets, string country)
    {
        var range = ProgrammesByCountryProjection.IdsOf(country);
        return [.. buckets.Where(b => string.CompareOrdinal(b.Key, range.From) >= 0 && string.CompareOrdinal(b.Key, range.Until) < 0)
            .SelectMany(ProgrammesByCountryProjection.ProgrammesIn).Select(p => p.Id)];
    }

    [Fact]
    public void BucketsOf_WhenProgrammesSpanCountriesAndPeriods_CountsAndListsEachCountrysInSortKeyOrder()
    {
        var random = new Random(3);
        var programmes = Enumerable.Range(0, 40).Select(i =>
        {
            var id = Guid.NewGuid();
            var country = i % 3 == 0 ? "KEN" : i % 3 == 1 ? "TZA" : "UGA";
            // Some only approved: they sort by approval date until registered.
            return i % 5 == 0 ? KnownProgramme.From(TestData.Approved(country)) : KnownProgramme.From(Registered(id, country, random.Next(1995, 2026)));
        }).ToList();

        var buckets = Projection.BucketsOf(programmes);

        Assert.Equal(programmes.GroupBy(p => p.CountryCode).ToDictionary(g => g.Key, g => g.Count()), ProgrammesByCountryProjection.CountsOf(buckets));
        foreach (var country in new[] { "KEN", "TZA", "UGA" })
            Assert.Equal(programmes.Where(p => p.CountryCode == country).OrderBy(p => p.SortKey, StringComparer.Ordinal).Select(p => p.Id), IdsOf(buckets, country));
    }

    [Fact]
    public void BucketsOf_WhenAnApprovedProgrammeIsRegistered_MovesItToItsPeriodsPlaceOnce()
    {
        var early = KnownProgramme.From(Registered(Guid.NewGuid(), "GHA", 2001));
        var approved = TestData.Approved("GHA"); // approved in 2008, before its 1999 period is known
        var late = KnownProgramme.From(approved);
        Assert.Equal([early.Id, late.Id], IdsOf(Projection.BucketsOf([early, late]), "GHA"));

        late.ApplyRegistration(Registered(approved.ProgrammeId, "GHA", 1999));

        Assert.Equal([late.Id, early.Id], IdsOf(Projection.BucketsOf([early, late]), "GHA"));
        Assert.Equal(2, ProgrammesByCountryProjection.CountsOf(Projection.BucketsOf([early, late]))["GHA"]);
    }
}
