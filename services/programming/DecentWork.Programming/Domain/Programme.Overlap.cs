using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>
/// One country cannot have two binding programmes whose periods overlap. The check reads other
/// aggregates, so on its own two approvals racing in one country could both pass it; the approval
/// slot closes that gap (see <see cref="ApprovalSlot"/>).
/// </summary>
public sealed partial class Programme
{
    /// <summary>0 until approved; then this programme's place among the approvals in its country (1, 2, ...).</summary>
    public int ApprovalSequence { get; private set; }

    /// <summary>
    /// Unique across all programmes (a unique store index): "{country}|{sequence}" once approved,
    /// "{country}|unapproved|{id}" before. An approval takes the slot after the highest one it read
    /// before checking the overlap rule, so two approvals in one country that read the same state
    /// claim the same slot and the store refuses the second. The one that comes later must read
    /// again, and then sees the first as binding. This is what makes the rule hold under
    /// concurrency with a store that saves one aggregate per transaction.
    /// </summary>
    public string ApprovalSlot { get; private set; } = "";

    public static string UnapprovedSlot(string countryCode, Guid id) => $"{countryCode}|unapproved|{id:N}";

    public static string ApprovedSlot(string countryCode, int sequence) => $"{countryCode}|{sequence:D6}";

    /// <summary>Approved or active: the programme the country is committed to for its period.</summary>
    public bool IsBinding() => Status is ProgrammeStatus.Approved or ProgrammeStatus.Active;

    /// <summary>
    /// Drafts and programmes in preparation may overlap (competing drafts are normal), and
    /// completed or evaluated ones no longer bind; approval checks again, so the rule holds.
    /// </summary>
    private static void EnsureNoOverlapWithBindingProgramme(string country, DateOnly start, DateOnly end, Guid self, IEnumerable<Programme> sameCountry)
    {
        var clash = sameCountry.FirstOrDefault(p => p.Id != self && p.CountryCode == country && p.IsBinding()
            && p.PeriodStart <= end && start <= p.PeriodEnd);
        if (clash is not null)
            throw new DomainRuleException(
                $"{country} already has programme {clash.Id} ({ProtoNames.Of(clash.Status)}, {clash.PeriodStart:yyyy-MM-dd} to {clash.PeriodEnd:yyyy-MM-dd}) "
                + "whose period overlaps; complete it first or choose a period that does not overlap.");
    }

    /// <summary>Takes the approval slot after <paramref name="lastApprovalInCountry"/>, the highest read before the overlap check.</summary>
    private void TakeApprovalSlot(int lastApprovalInCountry)
    {
        if (lastApprovalInCountry < 0) throw new DomainRuleException("The last approval sequence of a country cannot be negative.");
        ApprovalSequence = lastApprovalInCountry + 1;
        ApprovalSlot = ApprovedSlot(CountryCode, ApprovalSequence);
    }

    /// <summary>
    /// For programmes stored before approval slots existed: gives them the slot they would have had.
    /// False when the programme already has one. <paramref name="sequenceIfApproved"/> is ignored
    /// for programmes never approved.
    /// </summary>
    public bool BackfillApprovalSlot(int sequenceIfApproved)
    {
        if (ApprovalSlot.Length > 0) return false;
        if (ApprovedOn is null)
        {
            ApprovalSlot = UnapprovedSlot(CountryCode, Id);
            return true;
        }
        if (sequenceIfApproved < 1) throw new DomainRuleException("An approved programme's approval sequence starts at 1.");
        ApprovalSequence = sequenceIfApproved;
        ApprovalSlot = ApprovedSlot(CountryCode, sequenceIfApproved);
        return true;
    }
}
