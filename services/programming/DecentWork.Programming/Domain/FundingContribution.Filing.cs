using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Programming.Domain;

/// <summary>
/// Where a contribution counts in the joined reports (money by strategic objective, funding gaps):
/// its programme's country, region and status, and for each outcome part the objective that outcome
/// serves, copied from the programme. The reports then read <see cref="FundingByGroupProjection"/>'s
/// buckets instead of joining every programme with every contribution. The copy is refreshed
/// whenever the programme's filing changes (<see cref="FilingOf"/>), each record moving whole from
/// one bucket to another in its own save, so money is never counted twice; only which group it
/// sits in can lag a programme change by the moment the re-filing takes.
/// </summary>
public sealed partial class FundingContribution
{
    /// <summary>The programme's country when last filed; empty when never filed (recorded before filing existed, or for an unknown programme): counts in no group.</summary>
    public string FiledCountry { get; private set; } = "";
    public IloRegion FiledRegion { get; private set; }
    public ProgrammeStatus FiledStatus { get; private set; }

    /// <summary>
    /// The programme version this filing was copied from. A filing from an older read of the
    /// programme never replaces one from a newer read, so racing re-filings end on the newest.
    /// 0 when unfiled, or when a correction replaced the outcome parts.
    /// </summary>
    public long FiledAtVersion { get; private set; }

    /// <summary>
    /// Copies the programme's filing when this read of it is at least as new as the one filed
    /// (always when unfiled); true when something changed and the record must be saved.
    /// </summary>
    public bool FileUnder(Programme programme)
    {
        if (programme.Id != ProgrammeId) throw new ArgumentException("A contribution is filed under its own programme.", nameof(programme));
        if (FiledAtVersion != 0 && programme.Version <= FiledAtVersion) return false;
        var serving = ServingOutcomes(programme);
        FiledCountry = programme.CountryCode;
        FiledRegion = programme.Region;
        FiledStatus = programme.Status;
        FiledAtVersion = programme.Version;
        foreach (var part in ToOutcomes)
            part.StrategicObjective = serving.GetValueOrDefault(part.OutcomeId);
        return true;
    }

    /// <summary>
    /// What the filing of every contribution of a programme depends on: when it differs before and
    /// after a change of the programme, its contributions are re-filed.
    /// </summary>
    public static string FilingOf(Programme programme) =>
        $"{programme.CountryCode}|{(int)programme.Region}|{(int)programme.Status}|" +
        string.Join(',', ServingOutcomes(programme).OrderBy(o => o.Key).Select(o => $"{o.Key:N}:{(int)o.Value}"));

    /// <summary>The outcomes money can count for: those not withdrawn, with their objective (as the reports count them).</summary>
    private static Dictionary<Guid, StrategicObjective> ServingOutcomes(Programme programme) =>
        programme.Outcomes.Where(o => !o.Withdrawn).ToDictionary(o => o.Id, o => o.StrategicObjective);
}
