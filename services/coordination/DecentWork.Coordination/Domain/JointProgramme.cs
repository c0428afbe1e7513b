using DecentWork.Contracts.Events.Coordination;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

public enum JointProgrammeStatus
{
    Proposal = 0,
    Approved = 1,
    Ongoing = 2,
    Closed = 3,
}

/// <summary>One participating agency and its budget share in USD; settable so both stores can map it.</summary>
public sealed class AgencyShare
{
    public string Agency { get; set; } = "";
    public decimal BudgetShareUsd { get; set; }
}

/// <summary>
/// A UN joint programme (e.g. under the MDG Achievement Fund) in which the organisation takes
/// part. Its approval publishes the organisation's share for partnerships to count.
/// </summary>
public sealed class JointProgramme : Aggregate
{
    /// <summary>The organisation's own acronym among the participating agencies.</summary>
    public const string Organisation = "ILO";

    private JointProgramme() { }

    public string Title { get; private set; } = "";
    public string Fund { get; private set; } = "";
    public string ThematicWindow { get; private set; } = "";
    public List<string> CountryCodes { get; private set; } = [];
    public List<AgencyShare> Agencies { get; private set; } = [];
    public string LeadAgency { get; private set; } = "";
    public JointProgrammeStatus Status { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Registration instant then id: the list order, one key for both stores.</summary>
    public string SortKey { get; private set; } = "";

    public static JointProgramme Propose(JointProgrammeTerms terms, IReadOnlyList<Country> countries, IReadOnlyList<AgencyShare> agencies, DateTimeOffset now)
    {
        JointProgrammeRules.EnsureValid(terms, countries, agencies);
        var programme = new JointProgramme
        {
            Id = Guid.NewGuid(),
            Title = terms.Title.Trim(),
            Fund = terms.Fund.Trim(),
            ThematicWindow = terms.ThematicWindow.Trim(),
            CountryCodes = countries.Select(c => c.Code).ToList(),
            Agencies = agencies.Select(a => new AgencyShare { Agency = JointProgrammeRules.NormaliseAgency(a.Agency), BudgetShareUsd = a.BudgetShareUsd }).ToList(),
            LeadAgency = JointProgrammeRules.NormaliseAgency(terms.LeadAgency),
            RegisteredAt = now,
        };
        programme.SortKey = $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}|{programme.Id:N}";
        return programme;
    }

    public decimal OrganisationShareUsd() => Agencies.Where(a => a.Agency == Organisation).Sum(a => a.BudgetShareUsd);

    /// <summary>The fund approved the proposal; publishes the organisation's share, and who recorded the approval.</summary>
    public void Approve(DateOnly approvedOn, DateTimeOffset now, string? changedBy = null)
    {
        if (Status != JointProgrammeStatus.Proposal)
            throw new DomainRuleException($"Only a proposal can be approved; joint programme {Id} is {ProtoNames.Of(Status)}.");
        Status = JointProgrammeStatus.Approved;
        ApprovedOn = approvedOn;
        Raise(new JointProgrammeApproved(Id, Title, Fund, ThematicWindow.Length == 0 ? null : ThematicWindow,
            CountryCodes.ToList(), LeadAgency, OrganisationShareUsd(), approvedOn, now, changedBy));
    }

    /// <summary>Moves an approved programme on to ongoing or closed; false when already there. Never backwards.</summary>
    public bool ChangeStatus(JointProgrammeStatus target)
    {
        if (target is not (JointProgrammeStatus.Ongoing or JointProgrammeStatus.Closed))
            throw new DomainRuleException($"A joint programme is moved to ongoing or closed here, not to {ProtoNames.Of(target)}; a proposal is approved with its approval date.");
        if (Status == JointProgrammeStatus.Proposal)
            throw new DomainRuleException($"Joint programme {Id} is still a proposal: approve it first.");
        if (target == Status) return false;
        if (target < Status)
            throw new DomainRuleException($"A joint programme cannot go back from {ProtoNames.Of(Status)} to {ProtoNames.Of(target)}.");
        Status = target;
        return true;
    }
}
