using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Common = DecentWork.Contracts.Common.V1;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Outcomes' policy markers, SDG goals and sectors, and the reports over them.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> ClassifyOutcome(Contract.ClassifyOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var outcomeId = ProtoConvert.ToId(request.OutcomeId);
        violations.Check(outcomeId is null, "outcome_id", "must be a UUID");
        var classification = ClassificationInput.FromProto(request.Classification, violations, "classification");
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.ClassifyOutcome(outcomeId!.Value, classification, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportOutcomesByPolicyMarkerResponse> ReportOutcomesByPolicyMarker(
        Contract.ReportOutcomesByPolicyMarkerRequest request, ServerCallContext context)
    {
        var report = await ClassificationReportAsync(request.Region, request.Country, request.CountryGroup, request.CountryGroupOn, context);
        var response = new Contract.ReportOutcomesByPolicyMarkerResponse { OutcomeCount = report.OutcomeCount };
        response.Rows.AddRange(report.ByPolicyMarker.Select(row => new Contract.PolicyMarkerOutcomeTotal
        {
            PolicyMarker = row.Code,
            PolicyMarkerName = ClassificationGroups.MarkerName(row.Code),
            Significance = row.Significance,
            SignificanceName = ClassificationGroups.SignificanceName(row.Significance),
            OutcomeCount = row.OutcomeCount,
            ResourceNeed = ProtoConvert.ToMoney(row.ResourceNeedUsd),
            FundingMobilised = ProtoConvert.ToMoney(row.FundingMobilisedUsd),
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportOutcomesBySdgGoalResponse> ReportOutcomesBySdgGoal(
        Contract.ReportOutcomesBySdgGoalRequest request, ServerCallContext context)
    {
        var report = await ClassificationReportAsync(request.Region, request.Country, request.CountryGroup, request.CountryGroupOn, context);
        var response = new Contract.ReportOutcomesBySdgGoalResponse
        {
            OutcomeCount = report.OutcomeCount,
            OutcomesWithoutGoal = report.OutcomesWithoutGoal,
        };
        response.Rows.AddRange(report.BySdgGoal.Select(row => new Contract.SdgGoalOutcomeTotal
        {
            SdgGoal = row.Code,
            SdgGoalName = ClassificationGroups.GoalName(row.Code),
            OutcomeCount = row.OutcomeCount,
            ResourceNeed = ProtoConvert.ToMoney(row.ResourceNeedUsd),
            FundingMobilised = ProtoConvert.ToMoney(row.FundingMobilisedUsd),
        }));
        return response;
    }

    /// <summary>
    /// Both classification reports, from the <see cref="OutcomeClassificationProjection"/> buckets of
    /// the region and country asked for that the caller may see (ReportBucketsAsync), kept to the
    /// countries in the group asked for: an approved programme's group in its approval year, one
    /// not yet approved by today's (year 0), as ReportProgrammesByStatus judges it.
    /// </summary>
    private async Task<OutcomeClassificationReport> ClassificationReportAsync(Contract.IloRegion region, string country,
        Common.CountryGroup group, Google.Type.Date? on, ServerCallContext context)
    {
        var inGroup = await CountryGroupAsync(group, on, context);
        var buckets = await ReportBucketsAsync(OutcomeClassificationProjection.ProjectionName, region, country, context);
        return OutcomeClassificationReport.From(inGroup is null ? buckets
            : buckets.Where(b => inGroup(OutcomeClassificationProjection.CountryOf(b), OutcomeClassificationProjection.ApprovalYearOf(b))));
    }
}
