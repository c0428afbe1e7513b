using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>
/// The paper's joint-programme figures: "involved in 40 approved joint proposals in 50 countries",
/// "lead agency in four joint programmes on youth, employment and migration (Albania, Costa Rica,
/// Peru, and the Philippines)".
/// </summary>
public sealed record JointProgrammeReport(int ApprovedCount, int CountryCount, int ProposalCount, IReadOnlyList<JointProgramme> LedByOrganisation, decimal OrganisationShareUsd)
{
    /// <summary>The distinct countries of the approved programmes the organisation leads, by code.</summary>
    public IReadOnlyList<string> LedCountryCodes() =>
        LedByOrganisation.SelectMany(p => p.CountryCodes).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The same report over programmes in memory, through the buckets they make.</summary>
    public static JointProgrammeReport Summarise(IReadOnlyList<JointProgramme> programmes, string? fund, string? thematicWindow = null) =>
        From(new JointProgrammesByFundProjection().BucketsOf(programmes), programmes.Where(IsLedByOrganisation).ToList(), fund, thematicWindow);

    /// <summary>
    /// "Approved" counts every programme past the proposal stage; fund and thematic window match
    /// ignoring case. Pure: the <see cref="JointProgrammesByFundProjection"/> buckets and the
    /// approved programmes the organisation leads (<see cref="IsLedByOrganisation"/>, in list order).
    /// </summary>
    public static JointProgrammeReport From(IEnumerable<Bucket> buckets, IReadOnlyList<JointProgramme> ledByOrganisation, string? fund, string? thematicWindow)
    {
        var selected = buckets.Where(b => JointProgrammesByFundProjection.Parse(b) is var (f, w) && Matches(f, fund) && Matches(w, thematicWindow)).ToList();
        int Sum(string figure) => (int)selected.Sum(b => b[figure]);
        var countries = selected.SelectMany(b => b.Figures)
            .Where(f => f.Key.StartsWith(JointProgrammesByFundProjection.CountryPrefix, StringComparison.Ordinal))
            .GroupBy(f => f.Key).Count(g => g.Sum(f => f.Value) > 0);
        return new JointProgrammeReport(
            Sum(JointProgrammesByFundProjection.Approved),
            countries,
            Sum(JointProgrammesByFundProjection.Proposals),
            ledByOrganisation.Where(p => Matches(p.Fund, fund) && Matches(p.ThematicWindow, thematicWindow)).ToList(),
            selected.Sum(b => b[JointProgrammesByFundProjection.Share]));
    }

    /// <summary>The programmes the report lists whole: approved ones the organisation leads (a few, per the paper).</summary>
    public static bool IsLedByOrganisation(JointProgramme programme) =>
        programme.Status != JointProgrammeStatus.Proposal && programme.LeadAgency == JointProgramme.Organisation;

    // An empty filter selects everything.
    private static bool Matches(string value, string? filter) =>
        string.IsNullOrWhiteSpace(filter) || string.Equals(value, filter.Trim(), StringComparison.OrdinalIgnoreCase);
}
