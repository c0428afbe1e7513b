using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

public sealed partial class Programme
{
    /// <summary>
    /// Counts a partner's funding approval towards this programme, and the parts of it allocated to
    /// its outcomes; false when it was counted before. Allocations to outcomes this programme does
    /// not have still count for the programme, just not for an outcome.
    /// </summary>
    public bool RecordFunding(Guid approvalId, decimal amountUsd, IReadOnlyDictionary<Guid, decimal> toOutcomes, Change change)
    {
        if (amountUsd <= 0) throw new DomainRuleException("A funding approval must be for a positive amount.");
        if (FundingApprovalIds.Contains(approvalId)) return false;
        FundingApprovalIds.Add(approvalId);
        FundingMobilisedUsd += amountUsd;
        foreach (var (outcomeId, amount) in toOutcomes)
        {
            var outcome = Outcomes.FirstOrDefault(o => o.Id == outcomeId);
            if (outcome is not null) outcome.FundingMobilisedUsd += amount;
        }
        Record(change, "FundingRecorded", $"approval {approvalId}: USD {amountUsd}");
        return true;
    }

    /// <summary>Total resource need of the outcomes not withdrawn.</summary>
    public decimal ResourceNeedUsd() => Outcomes.Where(o => !o.Withdrawn).Sum(o => o.ResourceNeedUsd);

    /// <summary>What is still to be mobilised; negative when more was mobilised than needed.</summary>
    public decimal FundingGapUsd() => ResourceNeedUsd() - FundingMobilisedUsd;
}
