using DecentWork.ServiceDefaults.Classification;

namespace DecentWork.Programming.Domain;

public sealed partial class Programme
{
    /// <summary>
    /// Replaces an outcome's policy markers, SDG goals and targets and sectors. A description of the
    /// outcome for reporting and IATI, not part of what the constituents sign, so it leaves the
    /// content revision and the signatures as they are.
    /// </summary>
    public Outcome ClassifyOutcome(Guid outcomeId, WorkClassification classification, Change change)
    {
        EnsureContentCanChange();
        var outcome = ActiveOutcome(outcomeId);
        outcome.Classification = classification;
        Record(change, "OutcomeClassified",
            $"{outcome.Code}: markers {string.Join(",", classification.PolicyMarkers.Select(m => $"{m.Code}={m.Significance}"))}; "
            + $"SDG goals {string.Join(",", classification.SdgGoals)}; sectors {string.Join(",", classification.Sectors.Select(s => $"{s.Code} {s.Percentage}%"))}");
        return outcome;
    }
}
