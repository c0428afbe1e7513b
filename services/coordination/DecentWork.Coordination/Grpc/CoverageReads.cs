using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// What the coverage lists read. Known programmes grow with every DWCP programming publishes, so
/// a list never reads them for its rows: which countries have a DWCP, how many, and their ids
/// come from <see cref="ProgrammesByCountryProjection"/> (a count bucket per country, and an id
/// bucket read only for the countries on the page), and programme documents are read only for
/// the outcomes UNDAF links name, to tell a live link from a withdrawn one. UNDAFs (one per
/// country and cycle, unique in the store) and presences (one per country) are bounded by the
/// countries and their cycles, not by the programmes: they are read whole, which keeps the totals
/// and the gaps' order exact.
/// </summary>
public sealed partial class CoordinationService
{
    private async Task<List<Undaf>> AllUndafsAsync(CancellationToken cancellationToken) =>
        await Undafs.ReadAllAsync(Filter.All<Undaf>(), new SortOrder<Undaf>(u => u.SortKey), cancellationToken);

    private async Task<List<CountryPresence>> AllPresencesAsync(CancellationToken cancellationToken) =>
        await Presences.ReadAllAsync(Filter.All<CountryPresence>(), new SortOrder<CountryPresence>(p => p.CountryCode), cancellationToken);

    /// <summary>How many known DWCPs each country has, for every country with one.</summary>
    private async Task<Dictionary<string, int>> ProgrammeCountsAsync(CancellationToken cancellationToken) =>
        ProgrammesByCountryProjection.CountsOf(await projections.ReadAsync(ProgrammesByCountryProjection.ProjectionName, ProgrammesByCountryProjection.Countries, cancellationToken));

    /// <summary>
    /// The known DWCP ids of these countries (the page's), in period order; none read when the
    /// caller asked for counts only. A country without a DWCP has an empty list.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<Guid>>> ProgrammeIdsAsync(IEnumerable<string> countries, bool omitted, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, IReadOnlyList<Guid>>(StringComparer.Ordinal);
        if (omitted) return ids;
        foreach (var code in countries.Distinct(StringComparer.Ordinal))
            ids[code] = [.. (await ProgrammesOfAsync(code, cancellationToken)).Select(p => p.Id)];
        return ids;
    }

    /// <summary>One country's known DWCPs from its id bucket, with their places, in period order.</summary>
    private async Task<IReadOnlyList<(string Place, Guid Id)>> ProgrammesOfAsync(string countryCode, CancellationToken cancellationToken) =>
        [.. (await projections.ReadAsync(ProgrammesByCountryProjection.ProjectionName, ProgrammesByCountryProjection.IdsOf(countryCode), cancellationToken))
            .SelectMany(ProgrammesByCountryProjection.ProgrammesIn)];

    private static IEnumerable<string> ProgrammeIdsOf(Dictionary<string, IReadOnlyList<Guid>> programmeIds, string countryCode) =>
        programmeIds.TryGetValue(countryCode, out var ids) ? ids.Select(id => id.ToString()) : [];

    // The ids' own length when they were read, so that a row agrees with itself when a programme
    // arrived between the two reads; the count bucket's otherwise.
    private static int ProgrammeCountOf(Dictionary<string, IReadOnlyList<Guid>> programmeIds, Dictionary<string, int> programmeCounts, string countryCode) =>
        programmeIds.TryGetValue(countryCode, out var ids) ? ids.Count : programmeCounts.GetValueOrDefault(countryCode);

    // One query for every match, not ReadAllAsync's chunks: the embedded store seeks the filter's
    // index and sorts the matches in memory, so each chunk would read and sort all of them again.
    private Task<IReadOnlyList<KnownProgramme>> OneReadAsync(System.Linq.Expressions.Expression<Func<KnownProgramme, bool>> filter, CancellationToken cancellationToken) =>
        Programmes.QueryAfterAsync(filter, new SortOrder<KnownProgramme>(p => p.SortKey), null, int.MaxValue, cancellationToken);

    /// <summary>
    /// The programmes these UNDAFs' links point at: all that decides how many live DWCP outcomes
    /// are linked to a country's UNDAFs (and so whether it is a gap), since a link is to an outcome
    /// of the UNDAF's own country (Undaf.Link). A link stored without its programme's id falls
    /// back to every programme of that country.
    /// </summary>
    private async Task<List<KnownProgramme>> LinkedProgrammesAsync(IEnumerable<Undaf> undafs, CancellationToken cancellationToken)
    {
        var links = undafs.SelectMany(u => u.Links.Select(l => (u.CountryCode, l.ProgrammeId))).ToList();
        var ids = links.Select(l => l.ProgrammeId).Where(id => id != Guid.Empty).Distinct().ToList();
        var byId = ids.Count == 0 ? [] : await OneReadAsync(p => ids.Contains(p.Id), cancellationToken);
        var unnamed = links.Where(l => l.ProgrammeId == Guid.Empty).Select(l => l.CountryCode).Distinct().ToList();
        var ofUnnamed = unnamed.Count == 0 ? [] : await OneReadAsync(p => unnamed.Contains(p.CountryCode), cancellationToken);
        return [.. byId.Concat(ofUnnamed).DistinctBy(p => p.Id)];
    }
}
