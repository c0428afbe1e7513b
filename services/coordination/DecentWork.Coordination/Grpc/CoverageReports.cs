using DecentWork.Coordination.Domain;

namespace DecentWork.Coordination.Grpc;

/// <summary>One row of the coherence report.</summary>
internal sealed record CoherenceRow(
    string CountryCode, IReadOnlyList<Undaf> Undafs, int LinkedOutcomeCount, AgencyPresence? Presence)
{
    /// <summary>The latest cycle's UNDAF (undafs come in cycle order), or null.</summary>
    public Undaf? LatestUndaf() => Undafs.Count > 0 ? Undafs[^1] : null;
}

/// <summary>One row of the decent-work gaps report.</summary>
internal sealed record GapRow(string CountryCode, IReadOnlyList<Undaf> ActiveUndafs, AgencyPresence? Presence);

/// <summary>
/// The coverage reports, joined in memory from what CoverageReads gives them: the UNDAFs and
/// presences (bounded by countries and cycles), which countries have a known DWCP (from the
/// projection) and only the known DWCPs that UNDAF links name, which is all that tells a live
/// link from a withdrawn one. Each row depends on its own country's records alone, so a subset of
/// countries gives exactly their rows. Pure functions of their inputs, so the rules are
/// unit-tested without a store. The rows' programme ids and counts are the projection's, added by
/// the caller for the page only.
/// </summary>
internal static class CoverageReports
{
    /// <summary>
    /// Every country with an UNDAF or a DWCP (a count above zero), by code. UNDAFs must be in their
    /// store sort order.
    /// </summary>
    public static List<CoherenceRow> Coherence(IReadOnlyList<Undaf> undafs, IReadOnlyList<KnownProgramme> linkedProgrammes,
        IReadOnlyDictionary<string, int> programmeCounts, IReadOnlyList<CountryPresence> presences)
    {
        var undafsBy = undafs.ToLookup(u => u.CountryCode);
        var presenceBy = presences.ToDictionary(p => p.CountryCode, p => p.Presence);
        var outcomes = LiveOutcomes(linkedProgrammes);
        return undafsBy.Select(g => g.Key).Union(programmeCounts.Where(c => c.Value > 0).Select(c => c.Key))
            .Order(StringComparer.Ordinal)
            .Select(code => new CoherenceRow(code, undafsBy[code].ToList(),
                LinkedOutcomes(undafsBy[code], outcomes), presenceBy.TryGetValue(code, out var p) ? p : null))
            .ToList();
    }

    /// <summary>Countries with an active UNDAF and no live DWCP outcome linked to it; non-resident first, unknown next, resident last.</summary>
    public static List<GapRow> Gaps(IReadOnlyList<Undaf> undafs, IReadOnlyList<KnownProgramme> linkedProgrammes, IReadOnlyList<CountryPresence> presences)
    {
        var presenceBy = presences.ToDictionary(p => p.CountryCode, p => p.Presence);
        var outcomes = LiveOutcomes(linkedProgrammes);
        return undafs.Where(u => u.Status == UndafStatus.Active)
            .GroupBy(u => u.CountryCode)
            .Where(active => LinkedOutcomes(active, outcomes) == 0)
            .Select(active => new GapRow(active.Key, active.ToList(), presenceBy.TryGetValue(active.Key, out var p) ? p : null))
            .OrderBy(row => PresenceRank(row.Presence))
            .ThenBy(row => row.CountryCode, StringComparer.Ordinal)
            .ToList();
    }

    // "Challenges remain ... in countries where the ILO is not a resident agency": those come first.
    internal static int PresenceRank(AgencyPresence? presence) => presence switch
    {
        AgencyPresence.NonResident => 0,
        null => 1,
        _ => 2,
    };

    // Withdrawn outcomes no longer count, though their links are kept as history.
    private static HashSet<Guid> LiveOutcomes(IReadOnlyList<KnownProgramme> programmes) =>
        programmes.SelectMany(p => p.Outcomes).Where(o => !o.Withdrawn).Select(o => o.Id).ToHashSet();

    private static int LinkedOutcomes(IEnumerable<Undaf> undafs, HashSet<Guid> live) =>
        undafs.SelectMany(u => u.Links).Select(l => l.ProgrammeOutcomeId).Where(live.Contains).Distinct().Count();
}
