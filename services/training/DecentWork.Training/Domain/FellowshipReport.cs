namespace DecentWork.Training.Domain;

public sealed record PartnerFellowships(Guid PartnerId, string PartnerName, int Fellowships, decimal AmountUsd);

public sealed record FellowshipYear(int Year, int Fellowships, decimal AmountUsd, IReadOnlyList<PartnerFellowships> ByPartner);

public static class FellowshipReport
{
    /// <summary>Fellowships of non-withdrawn enrolments, by the year the edition starts; every year of the period is listed.</summary>
    public static IReadOnlyList<FellowshipYear> Count(IEnumerable<Edition> editions, int fromYear, int toYear)
    {
        var list = editions.ToList();
        var names = list.SelectMany(e => e.Enrolments).Select(n => n.Fellowship).OfType<FellowshipAward>()
            .GroupBy(a => a.PartnerId).ToDictionary(g => g.Key, g => g.First().PartnerName);
        return Count(FellowshipTotal.Of(list), id => names.GetValueOrDefault(id, ""), fromYear, toYear);
    }

    /// <summary>As above, over the fellowships' totals (<see cref="EditionTotals"/>), naming each partner by <paramref name="nameOf"/>.</summary>
    public static IReadOnlyList<FellowshipYear> Count(IEnumerable<FellowshipTotal> totals, Func<Guid, string> nameOf, int fromYear, int toYear)
    {
        var byYear = totals.ToLookup(t => t.Year);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var byPartner = byYear[year]
                .Select(t => new PartnerFellowships(t.PartnerId, nameOf(t.PartnerId), t.Fellowships, t.AmountUsd))
                .OrderBy(p => p.PartnerName, StringComparer.Ordinal).ThenBy(p => p.PartnerId)
                .ToList();
            return new FellowshipYear(year, byPartner.Sum(p => p.Fellowships), byPartner.Sum(p => p.AmountUsd), byPartner);
        }).ToList();
    }
}
