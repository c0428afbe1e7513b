using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// The money mobilised for one programme and each of its outcomes (same id as the programme): a
/// projection of its <see cref="FundingContribution"/>s, added to as each arrives. Its size is
/// bounded by the programme's outcomes, not by the number of approvals, so adding one stays cheap.
/// </summary>
public sealed class ProgrammeFunding : Aggregate
{
    private ProgrammeFunding() { }

    public decimal MobilisedUsd { get; private set; }
    public int ApprovalCount { get; private set; }
    public List<OutcomeFunding> Outcomes { get; private set; } = [];

    /// <summary>
    /// Approvals counted inside the programme's document before this projection existed, moved here
    /// once by the backfill: a replay of one of those is recognised here. Never grows afterwards.
    /// </summary>
    public List<Guid> CountedInProgramme { get; private set; } = [];

    /// <summary>Nothing mobilised yet: what a programme without funding shows.</summary>
    public static ProgrammeFunding None(Guid programmeId) => new() { Id = programmeId };

    /// <summary>The totals a programme held in its own document before approvals moved out of it.</summary>
    public static ProgrammeFunding MovedFrom(Programme programme) => new()
    {
        Id = programme.Id,
        MobilisedUsd = programme.FundingMobilisedUsd,
        ApprovalCount = programme.FundingApprovalIds.Count,
        Outcomes = programme.Outcomes.Where(o => o.FundingMobilisedUsd != 0)
            .Select(o => new OutcomeFunding { OutcomeId = o.Id, MobilisedUsd = o.FundingMobilisedUsd }).ToList(),
        CountedInProgramme = [.. programme.FundingApprovalIds],
    };

    /// <summary>Adds a contribution; false when its approval was counted in the programme's document before.</summary>
    public bool Add(FundingContribution contribution)
    {
        if (CountedInProgramme.Contains(contribution.ApprovalId)) return false;
        MobilisedUsd += contribution.AmountUsd;
        ApprovalCount++;
        foreach (var part in contribution.ToOutcomes)
        {
            var outcome = Outcomes.FirstOrDefault(o => o.OutcomeId == part.OutcomeId);
            if (outcome is null) Outcomes.Add(new OutcomeFunding { OutcomeId = part.OutcomeId, MobilisedUsd = part.MobilisedUsd });
            else outcome.MobilisedUsd += part.MobilisedUsd;
        }
        return true;
    }

    /// <summary>Money allocated to the outcome; allocations to outcomes the programme does not have count for the programme only.</summary>
    public decimal MobilisedFor(Guid outcomeId) => Outcomes.FirstOrDefault(o => o.OutcomeId == outcomeId)?.MobilisedUsd ?? 0;

    /// <summary>What is still to be mobilised for the programme; negative when more was mobilised than needed.</summary>
    public decimal GapOf(Programme programme) => programme.ResourceNeedUsd() - MobilisedUsd;
}
