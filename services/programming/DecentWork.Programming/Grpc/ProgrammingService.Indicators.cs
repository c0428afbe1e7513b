using System.Globalization;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Indicators, progress reports and the indicator progress report.</summary>
public sealed partial class ProgrammingService
{
    public const int MaxIndicatorTextLength = 500;
    public const int MaxUnitLength = 50;

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> AddIndicator(Contract.AddIndicatorRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var outcomeId = ProtoConvert.ToId(request.OutcomeId);
        violations.Check(outcomeId is null, "outcome_id", "must be a UUID");
        RequireText(violations, request.Description, "description", MaxIndicatorTextLength);
        var kindValid = violations.Check(request.Kind == 0 || !Enum.IsDefined(request.Kind), "kind", "must be number, percentage or qualitative");
        var kind = (IndicatorKind)request.Kind;
        violations.Check(kindValid && kind == IndicatorKind.Number && string.IsNullOrWhiteSpace(request.Unit), "unit", "is required for a number indicator");
        violations.Check(kindValid && kind != IndicatorKind.Number && request.Unit.Length > 0, "unit", "is only for number indicators");
        violations.Check(request.Unit.Length > MaxUnitLength, "unit", $"must be at most {MaxUnitLength} characters");
        IndicatorValue(violations, kindValid ? kind : null, request.Baseline, "baseline");
        IndicatorValue(violations, kindValid ? kind : null, request.Target, "target");
        var targetDate = ProtoConvert.ToDateOnly(request.TargetDate);
        violations.Check(targetDate is null, "target_date", "is required and must be a full calendar date");
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.AddIndicator(outcomeId!.Value, request.Description, kind, request.Unit, request.Baseline, request.Target, targetDate!.Value, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> RecordIndicatorProgress(Contract.RecordIndicatorProgressRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var indicatorId = ProtoConvert.ToId(request.IndicatorId);
        violations.Check(indicatorId is null, "indicator_id", "must be a UUID");
        var reportedOn = ProtoConvert.ToDateOnly(request.ReportedOn);
        violations.Check(reportedOn is null, "reported_on", "is required and must be a full calendar date");
        // Whether the value must be a number depends on the indicator, which the aggregate checks.
        IndicatorValue(violations, null, request.Actual, "actual");
        violations.Check(request.Comment.Length > MaxCommentLength, "comment", $"must be at most {MaxCommentLength} characters");
        var breakdown = BreakdownFrom(request.Breakdown, violations);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context, (p, change) =>
        {
            // Whether the parts must add up depends on the indicator's kind, known once it is loaded;
            // a breakdown that does not fit is still a bad request, named field by field.
            if (p.Indicators.FirstOrDefault(i => i.Id == indicatorId) is { } indicator)
            {
                var misfit = new FieldViolations();
                foreach (var (field, description) in ActualBreakdown.Problems(indicator.Kind, request.Actual, breakdown)) misfit.Add(field, description);
                misfit.ThrowIfAny();
            }
            p.RecordIndicatorProgress(indicatorId!.Value, reportedOn!.Value, request.Actual, request.Comment, change, breakdown);
        });
    }

    private static void IndicatorValue(FieldViolations violations, IndicatorKind? kind, string value, string field)
    {
        RequireText(violations, value, field, MaxIndicatorTextLength);
        violations.Check(kind is IndicatorKind.Number or IndicatorKind.Percentage && !string.IsNullOrWhiteSpace(value) && !Programme.TryParseValue(value, out _),
            field, "must be a decimal number such as 42.5 for number and percentage indicators");
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportIndicatorProgressResponse> ReportIndicatorProgress(Contract.ReportIndicatorProgressRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.ProgrammeId, "programme_id");
        var programme = await FindVisibleAsync(id, request.ProgrammeId, Caller.From(context), context.CancellationToken);
        var response = new Contract.ReportIndicatorProgressResponse();
        foreach (var outcome in programme.Outcomes.Where(o => !o.Withdrawn))
            foreach (var indicator in programme.Indicators.Where(i => i.OutcomeId == outcome.Id))
            {
                var latest = indicator.Latest();
                response.Rows.Add(new Contract.IndicatorProgress
                {
                    OutcomeCode = outcome.Code,
                    IndicatorId = indicator.Id.ToString(),
                    Description = indicator.Description,
                    Kind = (Contract.IndicatorKind)indicator.Kind,
                    Baseline = indicator.Baseline,
                    Target = indicator.Target,
                    TargetDate = ProtoConvert.ToDate(indicator.TargetDate),
                    LatestActual = latest?.Actual ?? "",
                    LatestReportedOn = latest is null ? null : ProtoConvert.ToDate(latest.ReportedOn),
                    PercentOfTarget = indicator.PercentOfTarget()?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                    LatestBreakdown = { ToProto(latest?.Breakdown ?? []) },
                });
            }
        return response;
    }
}
