namespace DecentWork.Portal.Gateway;

// The slices of the programming API's messages the pages show (contracts/protos/decentwork/programming/v1).

public sealed record ProgrammeList(List<Programme>? Programmes, string? NextPageToken, int TotalSize);

public sealed record Programme(
    string Id, string CountryCode, string? Region, string Title, DateValue? PeriodStart, DateValue? PeriodEnd, string? Status,
    Money? FundingMobilised, Money? ResourceNeed, Money? FundingGap, long Version, List<Priority>? Priorities,
    List<Consultation>? Consultations, List<QualityAssuranceReview>? QualityAssuranceReviews, TrainingTotals? Training,
    string? DraftedBy)
{
    public IEnumerable<Outcome> Outcomes => (Priorities ?? []).SelectMany(p => p.Outcomes ?? []);
}

public sealed record Priority(string Id, string Title, List<Outcome>? Outcomes);

public sealed record Outcome(string Id, string? Code, string Statement, string? StrategicObjective, Money? ResourceNeed,
    Money? FundingMobilised, Money? FundingGap, bool Withdrawn, List<Indicator>? Indicators);

public sealed record Indicator(string Id, string? Description, string? Unit, string? Baseline, string? Target, List<ProgressReport>? Progress)
{
    /// <summary>The latest reported value (reports are kept in the order they were recorded).</summary>
    public string? Latest => Progress is { Count: > 0 } ? Progress[^1].Actual : null;
}

public sealed record ProgressReport(DateValue? ReportedOn, string? Actual, string? Comment);

public sealed record Consultation(string Id, DateValue? HeldOn, string? Place, List<ConsultationParticipation>? Participants);

public sealed record ConsultationParticipation(string? Group, int Women, int Men);

public sealed record QualityAssuranceReview(string Id, string? ReviewingUnit, string? Decision, int ContentRevision);

public sealed record TrainingTotals(int ParticipantsTrained, int ParticipantDays);

public sealed record ProgrammeHistory(List<HistoryEntry>? Entries, string? NextPageToken, int TotalSize);

public sealed record HistoryEntry(long Version, string? Action, string? Detail, string? ChangedBy, DateTimeOffset? ChangedAt);
