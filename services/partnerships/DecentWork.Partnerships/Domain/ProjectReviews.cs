namespace DecentWork.Partnerships.Domain;

/// <summary>IATI ActivityStatus; the numbers are the IATI codes and the proto enum's.</summary>
public enum ProjectStatus
{
    Pipeline = 1,
    Implementation = 2,
    Finalisation = 3,
    Closed = 4,
    Cancelled = 5,
    Suspended = 6,

    /// <summary>Recorded in error or withdrawn by the partner (WithdrawProject); not an IATI status.</summary>
    Withdrawn = 7,
}

/// <summary>One appraisal criterion's answer. Settable, for the store's mappers.</summary>
public sealed class AppraisalFinding
{
    public bool Satisfactory { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>The appraisal before approval: six criteria, who and when.</summary>
public sealed class ProjectAppraisal
{
    public AppraisalFinding? Relevance { get; set; }
    public AppraisalFinding? Design { get; set; }
    public AppraisalFinding? FinancialFeasibility { get; set; }
    public AppraisalFinding? LegalFeasibility { get; set; }
    public AppraisalFinding? Sustainability { get; set; }
    public AppraisalFinding? Coherence { get; set; }
    public string Appraiser { get; set; } = "";
    public DateOnly AppraisalDate { get; set; }

    public IEnumerable<AppraisalFinding?> Findings() => [Relevance, Design, FinancialFeasibility, LegalFeasibility, Sustainability, Coherence];

    public bool IsComplete() => Findings().All(f => f is not null) && Appraiser.Trim().Length > 0 && AppraisalDate != default;

    /// <summary>Names the criteria found unsatisfactory, for the message that refuses approval.</summary>
    public List<string> Unsatisfactory()
    {
        string[] names = ["relevance", "design", "financial feasibility", "legal feasibility", "sustainability", "coherence"];
        return [.. Findings().Zip(names).Where(p => p.First is { Satisfactory: false }).Select(p => p.Second)];
    }
}

/// <summary>The gender peer review of a project.</summary>
public sealed class GenderPeerReview
{
    public bool Cleared { get; set; }
    public string Reviewer { get; set; } = "";
    public DateOnly ReviewDate { get; set; }
    public string Note { get; set; } = "";
}
