namespace DecentWork.Training.Domain;

public sealed record PartnerFellowships(Guid PartnerId, string PartnerName, int Fellowships, decimal AmountUsd);

public sealed record FellowshipYear(int Year, int Fellowships, decimal AmountUsd, IReadOnlyList<PartnerFellowships> ByPartner);

public static class FellowshipReport
{
    /// <summary>Fellowships of non-withdrawn enrolments, by the year the edition starts; every year of the period is listed.</summary>
    public static IReadOnlyList<FellowshipYear> Count(IEnumerable<Edition> editions, int fromYear, int toYear)
    {
        var awards = editions
            .SelectMany(e => e.Enrolments
                .Where(n => n.Fellowship is not null && n.Status != EnrolmentStatus.Withdrawn)
                .Select(n => (e.StartYear, Award: n.Fellowship!)))
            .ToLookup(a => a.StartYear, a => a.Award);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var byPartner = awards[year].GroupBy(a => a.PartnerId)
                .Select(g => new PartnerFellowships(g.Key, g.First().PartnerName, g.Count(), g.Sum(a => a.AmountUsd)))
                .OrderBy(p => p.PartnerName, StringComparer.Ordinal).ThenBy(p => p.PartnerId)
                .ToList();
            return new FellowshipYear(year, byPartner.Sum(p => p.Fellowships), byPartner.Sum(p => p.AmountUsd), byPartner);
        }).ToList();
    }
}
