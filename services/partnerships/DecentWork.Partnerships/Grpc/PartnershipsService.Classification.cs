using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Projects' policy markers, SDG goals and sectors, and the reports over them.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> ClassifyProject(Contract.ClassifyProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        var classification = ClassificationInput.FromProto(request.Classification, violations, "classification");
        violations.ThrowIfAny();
        return await ChangeProject(id!.Value, request.ExpectedVersion, p => p.Classify(classification, clock.GetUtcNow()), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportProjectsByPolicyMarkerResponse> ReportProjectsByPolicyMarker(
        Contract.ReportProjectsByPolicyMarkerRequest request, ServerCallContext context)
    {
        var counted = await ProjectsRunningAsync(request.StartYear, request.EndYear, request.CountryGroup, request.CountryGroupOn, context);
        var response = new Contract.ReportProjectsByPolicyMarkerResponse { ProjectCount = counted.Count };
        response.Rows.AddRange(ProjectClassificationReport.ByPolicyMarker(counted).Select(row => new Contract.PolicyMarkerProjectTotal
        {
            PolicyMarker = row.Code,
            PolicyMarkerName = ClassificationGroups.MarkerName(row.Code),
            Significance = row.Significance,
            SignificanceName = ClassificationGroups.SignificanceName(row.Significance),
            ProjectCount = row.ProjectCount,
            Budget = ProtoConvert.ToMoney(row.BudgetUsd, FundingApproval.Usd),
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportProjectsBySdgGoalResponse> ReportProjectsBySdgGoal(
        Contract.ReportProjectsBySdgGoalRequest request, ServerCallContext context)
    {
        var counted = await ProjectsRunningAsync(request.StartYear, request.EndYear, request.CountryGroup, request.CountryGroupOn, context);
        var response = new Contract.ReportProjectsBySdgGoalResponse
        {
            ProjectCount = counted.Count,
            ProjectsWithoutGoal = counted.Count(p => p.Classification.SdgGoals.Count == 0),
        };
        response.Rows.AddRange(ProjectClassificationReport.BySdgGoal(counted).Select(row => new Contract.SdgGoalProjectTotal
        {
            SdgGoal = row.Code,
            SdgGoalName = ClassificationGroups.GoalName(row.Code),
            ProjectCount = row.ProjectCount,
            Budget = ProtoConvert.ToMoney(row.BudgetUsd, FundingApproval.Usd),
        }));
        return response;
    }

    /// <summary>
    /// The projects the caller may see that run in any year of the period (0 = unbounded), and, with a
    /// country group, only those in one country of the group (judged in the project's start year
    /// unless a day is given; a project in several countries is in no group, as in ReportDelivery).
    /// </summary>
    private async Task<IReadOnlyList<Project>> ProjectsRunningAsync(int startYear, int endYear, Contracts.Common.V1.CountryGroup group,
        Google.Type.Date? on, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckPeriod(startYear, endYear, violations);
        var inGroup = CountryGroupRegistration.FilterFrom(group, on, violations);
        violations.ThrowIfAny();
        var from = new DateOnly(startYear == 0 ? FundingApproval.FirstYear : startYear, 1, 1);
        var to = new DateOnly(endYear == 0 ? FundingApproval.LastYear : endYear, 12, 31);
        var scope = await ReadScopeAsync(context);
        var filter = Filter.All(scope.Projects, p => p.EndDate >= from, p => p.StartDate <= to, p => p.Status != ProjectStatus.Withdrawn);
        var running = await projects.ReadAllAsync(filter, new SortOrder<Project>(p => p.SortKey), context.CancellationToken);
        return await InCountryGroupAsync(running, inGroup, context.CancellationToken);
    }
}
