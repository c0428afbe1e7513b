namespace DecentWork.Partnerships.Domain;

/// <summary>One criterion's answer: met or not, and why. Settable, for the store's mappers.</summary>
public sealed class AlignmentFinding
{
    public bool Met { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>An agreement's review against the five alignment criteria of the Office's review.</summary>
public sealed class AlignmentReview
{
    public AlignmentFinding? StrategicPriorities { get; set; }
    public AlignmentFinding? ProgrammingCycles { get; set; }
    public AlignmentFinding? PredictableFunding { get; set; }
    public AlignmentFinding? HarmonisedReporting { get; set; }
    public AlignmentFinding? CommonPrinciples { get; set; }
    public string Reviewer { get; set; } = "";
    public DateOnly ReviewDate { get; set; }

    public bool IsComplete() =>
        StrategicPriorities is not null && ProgrammingCycles is not null && PredictableFunding is not null
        && HarmonisedReporting is not null && CommonPrinciples is not null
        && Reviewer.Trim().Length > 0 && ReviewDate != default;
}

/// <summary>That a public-private partnership's guideline checklist was completed, by whom and when.</summary>
public sealed class PppChecklist
{
    public string CompletedBy { get; set; } = "";
    public DateOnly CompletedOn { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>How many reviewed agreements meet each criterion: the paper's table (9, 5, 8, 5, 2 of nine).</summary>
public sealed record AlignmentTable(int Reviewed, int StrategicPriorities, int ProgrammingCycles, int PredictableFunding,
    int HarmonisedReporting, int CommonPrinciples)
{
    public static AlignmentTable Of(IEnumerable<AlignmentReview> reviews)
    {
        var all = reviews.ToList();
        return new AlignmentTable(all.Count,
            all.Count(r => r.StrategicPriorities!.Met), all.Count(r => r.ProgrammingCycles!.Met),
            all.Count(r => r.PredictableFunding!.Met), all.Count(r => r.HarmonisedReporting!.Met),
            all.Count(r => r.CommonPrinciples!.Met));
    }
}
