namespace DecentWork.Programming.Domain;

/// <summary>Part of a partner's funding approval allocated to one outcome: an IATI incoming commitment.</summary>
public sealed class OutcomeFundingSource
{
    public Guid ApprovalId { get; set; }
    public Guid OutcomeId { get; set; }
    public Guid PartnerId { get; set; }
    public string PartnerName { get; set; } = "";
    public DateOnly ApprovedOn { get; set; }
    public decimal AmountUsd { get; set; }
}

public sealed partial class Programme
{
    /// <summary>
    /// Who funded which outcome, when and with how much, as partnerships announced it
    /// (FundingApproved): the funding organisations and incoming commitments of the IATI export.
    /// Empty for approvals counted before this was kept.
    /// </summary>
    public List<OutcomeFundingSource> OutcomeFundingSources { get; private set; } = [];

    /// <summary>Keeps the allocations of one approval to this programme's outcomes; call it with the RecordFunding that counted them.</summary>
    public void RecordFundingSources(Guid approvalId, Guid partnerId, string partnerName, DateOnly approvedOn, IReadOnlyDictionary<Guid, decimal> toOutcomes)
    {
        if (OutcomeFundingSources.Any(s => s.ApprovalId == approvalId)) return;
        OutcomeFundingSources.AddRange(toOutcomes
            .Where(share => Outcomes.Any(o => o.Id == share.Key))
            .Select(share => new OutcomeFundingSource
            {
                ApprovalId = approvalId, OutcomeId = share.Key, PartnerId = partnerId, PartnerName = partnerName, ApprovedOn = approvedOn,
                AmountUsd = share.Value,
            }));
    }
}
