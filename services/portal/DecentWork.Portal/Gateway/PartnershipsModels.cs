namespace DecentWork.Portal.Gateway;

// The slices of the partnerships API's messages the forms and pages use (contracts/protos/decentwork/partnerships/v1).

public sealed record PartnerList(List<Partner>? Partners, string? NextPageToken, int TotalSize);

public sealed record Partner(string Id, string Name, string? Category, string? CountryCode);

public sealed record FundingApproval(string Id, string PartnerId, string? ProgrammeId, Money? Amount, int Year, string? Source,
    string? Earmarking, string? MobilisedBy, string? RequestId, List<FundingAllocation>? Allocations);

public sealed record FundingAllocation(string? CountryCode, string? ProgrammeId, string? OutcomeId, Money? Amount);

public sealed record AgreementList(List<Agreement>? Agreements, string? NextPageToken, int TotalSize);

public sealed record Agreement(string Id, string PartnerId, string Title, string? Kind, DateValue? StartDate, DateValue? EndDate,
    Money? PledgedAmount, string? Earmarking, AlignmentReview? AlignmentReview, DateValue? SignedOn, long Version);

public sealed record AlignmentReview(AlignmentFinding? StrategicPriorities, AlignmentFinding? ProgrammingCycles, AlignmentFinding? PredictableFunding,
    AlignmentFinding? HarmonisedReporting, AlignmentFinding? CommonPrinciples, string? Reviewer, DateValue? ReviewDate);

public sealed record AlignmentFinding(bool Met, string? Note);

public sealed record AgreementAlignmentReport(int ReviewedCount, int StrategicPriorities, int ProgrammingCycles, int PredictableFunding,
    int HarmonisedReporting, int CommonPrinciples);

/// <summary>The five criteria of an alignment review: the API's field name (for violations and the JSON body) and what it asks.</summary>
public static class AlignmentCriteria
{
    public static readonly (string Field, string Json, string Question)[] All =
    [
        ("strategic_priorities", "strategicPriorities", "Aligned with the strategic priorities"),
        ("programming_cycles", "programmingCycles", "Aligned with the programming cycles"),
        ("predictable_funding", "predictableFunding", "Funds released predictably"),
        ("harmonised_reporting", "harmonisedReporting", "Reporting harmonised"),
        ("common_principles", "commonPrinciples", "Common Principles of Action"),
    ];

    public static AlignmentFinding? Of(AlignmentReview review, string json) => json switch
    {
        "strategicPriorities" => review.StrategicPriorities,
        "programmingCycles" => review.ProgrammingCycles,
        "predictableFunding" => review.PredictableFunding,
        "harmonisedReporting" => review.HarmonisedReporting,
        _ => review.CommonPrinciples,
    };

    public static int Count(AgreementAlignmentReport report, string json) => json switch
    {
        "strategicPriorities" => report.StrategicPriorities,
        "programmingCycles" => report.ProgrammingCycles,
        "predictableFunding" => report.PredictableFunding,
        "harmonisedReporting" => report.HarmonisedReporting,
        _ => report.CommonPrinciples,
    };
}

/// <summary>The enum names the funding-approval form offers.</summary>
public static class FundingChoices
{
    public static readonly string[] Sources = ["FUNDING_SOURCE_EXTRA_BUDGETARY", "FUNDING_SOURCE_RBSA", "FUNDING_SOURCE_REGULAR_BUDGET_TC"];
    public static readonly string[] Earmarkings = ["EARMARKING_UNEARMARKED", "EARMARKING_SOFTLY_EARMARKED", "EARMARKING_EARMARKED", "EARMARKING_TIGHTLY_EARMARKED"];
    public static readonly string[] MobilisedBy = ["MOBILISED_BY_FIELD_OFFICE", "MOBILISED_BY_HEADQUARTERS"];
}
