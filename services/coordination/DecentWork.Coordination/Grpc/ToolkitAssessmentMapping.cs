using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Proto ⇄ domain for Toolkit assessments, with the per-field checks of a status and its dates.</summary>
internal static class ToolkitAssessmentMapping
{
    public static ToolkitAssessmentStatus? ToDomain(Contract.ToolkitAssessmentStatus status) => status switch
    {
        Contract.ToolkitAssessmentStatus.Planned => ToolkitAssessmentStatus.Planned,
        Contract.ToolkitAssessmentStatus.InProgress => ToolkitAssessmentStatus.InProgress,
        Contract.ToolkitAssessmentStatus.Completed => ToolkitAssessmentStatus.Completed,
        _ => null,
    };

    private static Contract.ToolkitAssessmentStatus ToProto(ToolkitAssessmentStatus status) => status switch
    {
        ToolkitAssessmentStatus.Planned => Contract.ToolkitAssessmentStatus.Planned,
        ToolkitAssessmentStatus.InProgress => Contract.ToolkitAssessmentStatus.InProgress,
        ToolkitAssessmentStatus.Completed => Contract.ToolkitAssessmentStatus.Completed,
        _ => Contract.ToolkitAssessmentStatus.Unspecified,
    };

    /// <summary>
    /// The dates a recorded status needs, named per field: the same rules as
    /// <see cref="ToolkitAssessment.DatesProblem"/>, so the store never sees what the aggregate refuses.
    /// </summary>
    public static (DateOnly? StartedOn, DateOnly? CompletedOn) Dates(Contract.RecordToolkitAssessmentRequest request, ToolkitAssessmentStatus? status, FieldViolations violations)
    {
        var startedOn = DateFields.Optional(request.StartedOn, "started_on", ToolkitAssessment.FirstYear, ToolkitAssessment.LastYear, violations);
        var completedOn = DateFields.Optional(request.CompletedOn, "completed_on", ToolkitAssessment.FirstYear, ToolkitAssessment.LastYear, violations);
        if (status is not { } s) return (startedOn, completedOn);
        violations.Check(s == ToolkitAssessmentStatus.Planned && request.StartedOn is not null, "started_on", "must be left out while the assessment is planned");
        violations.Check(s == ToolkitAssessmentStatus.InProgress && request.StartedOn is null, "started_on", "is required for an assessment in progress");
        violations.Check(s != ToolkitAssessmentStatus.Completed && request.CompletedOn is not null, "completed_on", "is only for a completed assessment");
        violations.Check(s == ToolkitAssessmentStatus.Completed && request.CompletedOn is null, "completed_on", "is required for a completed assessment");
        violations.Check(startedOn > completedOn, "completed_on", "must not be before started_on");
        return (startedOn, completedOn);
    }

    public static Contract.ToolkitAssessment ToProto(ToolkitAssessment assessment) => new()
    {
        Id = assessment.Id.ToString(),
        Agency = assessment.Agency,
        CountryCode = assessment.CountryCode,
        Status = ToProto(assessment.Status),
        StartedOn = assessment.StartedOn is { } started ? ProtoConvert.ToDate(started) : null,
        CompletedOn = assessment.CompletedOn is { } completed ? ProtoConvert.ToDate(completed) : null,
        SupportedByOrganisation = assessment.SupportedByOrganisation,
        Findings = assessment.Findings,
        RecordedAt = ProtoConvert.ToTimestamp(assessment.RecordedAt),
        Version = assessment.Version,
    };
}
