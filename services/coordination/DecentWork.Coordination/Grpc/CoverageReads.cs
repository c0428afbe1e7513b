using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// What the coverage lists read. Known programmes grow with every DWCP programming publishes, so
/// they are never read whole: which countries have one comes from
/// <see cref="ProgrammesByCountryProjection"/> (≤ one bucket per country), and programmes are read
/// only for the countries on the page asked for (their ids are in the answer) or, for the gaps,
/// the programmes UNDAF links name. UNDAFs (one per country and cycle, unique in the store) and
/// presences (one per country) are bounded by the countries and their cycles, not by the
/// programmes: they are read whole, which keeps the totals and the gaps' order exact.
/// </summary>
public sealed partial class CoordinationService
{
    private async Task<List<Undaf>> AllUndafsAsync(CancellationToken cancellationToken) =>
        await Undafs.ReadAllAsync(Filter.All<Undaf>(), new SortOrder<Undaf>(u => u.SortKey), cancellationToken);

    private async Task<List<CountryPresence>> AllPresencesAsync(CancellationToken cancellationToken) =>
        await Presences.ReadAllAsync(Filter.All<CountryPresence>(), new SortOrder<CountryPresence>(p => p.CountryCode), cancellationToken);

    private async Task<HashSet<string>> CountriesWithProgrammesAsync(CancellationToken cancellationToken) =>
        ProgrammesByCountryProjection.CountriesOf(await projections.ReadAsync(ProgrammesByCountryProjection.ProjectionName, BucketRange.Prefix(""), cancellationToken));

    /// <summary>The known programmes of these countries, in store order (country, period start, id).</summary>
    private async Task<IReadOnlyList<KnownProgramme>> ProgrammesInAsync(IReadOnlyCollection<string> countries, CancellationToken cancellationToken)
    {
        if (countries.Count == 0) return [];
        var codes = countries.ToList();
        return await OneReadAsync(p => codes.Contains(p.CountryCode), cancellationToken);
    }

    // One query for every match, not ReadAllAsync's chunks: the embedded store seeks the filter's
    // index and sorts the matches in memory, so each chunk would read and sort all of them again.
    private Task<IReadOnlyList<KnownProgramme>> OneReadAsync(System.Linq.Expressions.Expression<Func<KnownProgramme, bool>> filter, CancellationToken cancellationToken) =>
        Programmes.QueryAfterAsync(filter, new SortOrder<KnownProgramme>(p => p.SortKey), null, int.MaxValue, cancellationToken);

    /// <summary>
    /// The programmes the active UNDAFs' links point at: all that decides whether a country is a gap,
    /// since a link is to an outcome of the UNDAF's own country (Undaf.Link). A link stored without
    /// its programme's id falls back to every programme of that country.
    /// </summary>
    private async Task<List<KnownProgramme>> LinkedProgrammesAsync(IEnumerable<Undaf> activeUndafs, CancellationToken cancellationToken)
    {
        var links = activeUndafs.SelectMany(u => u.Links.Select(l => (u.CountryCode, l.ProgrammeId))).ToList();
        var ids = links.Select(l => l.ProgrammeId).Where(id => id != Guid.Empty).Distinct().ToList();
        var byId = ids.Count == 0 ? [] : await OneReadAsync(p => ids.Contains(p.Id), cancellationToken);
        var unnamed = links.Where(l => l.ProgrammeId == Guid.Empty).Select(l => l.CountryCode).Distinct().ToList();
        return [.. byId.Concat(await ProgrammesInAsync(unnamed, cancellationToken)).DistinctBy(p => p.Id)];
    }
}
