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
        var programmes = await ClassifiedProgrammesAsync(request.Region, request.Country, request.CountryGroup, request.CountryGroupOn, context);
        var outcomes = OutcomeClassificationReport.Counted(programmes);
        var response = new Contract.ReportOutcomesByPolicyMarkerResponse { OutcomeCount = outcomes.Count };
        response.Rows.AddRange(OutcomeClassificationReport.ByPolicyMarker(outcomes).Select(row => new Contract.PolicyMarkerOutcomeTotal
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
        var programmes = await ClassifiedProgrammesAsync(request.Region, request.Country, request.CountryGroup, request.CountryGroupOn, context);
        var outcomes = OutcomeClassificationReport.Counted(programmes);
        var response = new Contract.ReportOutcomesBySdgGoalResponse
        {
            OutcomeCount = outcomes.Count,
            OutcomesWithoutGoal = outcomes.Count(o => o.Classification.SdgGoals.Count == 0),
        };
        response.Rows.AddRange(OutcomeClassificationReport.BySdgGoal(outcomes).Select(row => new Contract.SdgGoalOutcomeTotal
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
    /// The programmes the classification reports count: as <see cref="ReportedProgrammesAsync"/>, and
    /// only those of countries in the group asked for (an approved programme's group in its approval
    /// year, one not yet approved by today's, as ReportProgrammesByStatus judges it).
    /// </summary>
    private async Task<IEnumerable<Programme>> ClassifiedProgrammesAsync(Contract.IloRegion region, string country,
        Common.CountryGroup group, Google.Type.Date? on, ServerCallContext context)
    {
        var inGroup = await CountryGroupAsync(group, on, context);
        var programmes = await ReportedProgrammesAsync(region, country, Contract.ProgrammeStatus.Unspecified, new FieldViolations(), context);
        return inGroup is null ? programmes : programmes.Where(p => inGroup(p.CountryCode, p.ApprovedOn?.Year ?? 0));
    }
}
