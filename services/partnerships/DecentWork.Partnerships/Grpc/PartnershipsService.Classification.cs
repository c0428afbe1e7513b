using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
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
        var counted = await ProjectBucketsAsync(request.StartYear, request.EndYear, request.CountryGroup, request.CountryGroupOn, await ReadScopeAsync(context),
            context.CancellationToken);
        var response = new Contract.ReportProjectsByPolicyMarkerResponse { ProjectCount = ProjectClassificationReport.ProjectCount(counted) };
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
        var counted = await ProjectBucketsAsync(request.StartYear, request.EndYear, request.CountryGroup, request.CountryGroupOn, await ReadScopeAsync(context),
            context.CancellationToken);
        var response = new Contract.ReportProjectsBySdgGoalResponse
        {
            ProjectCount = ProjectClassificationReport.ProjectCount(counted),
            ProjectsWithoutGoal = ProjectClassificationReport.ProjectsWithoutGoal(counted),
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
    /// The <see cref="ProjectReportTotals"/> buckets of the projects the caller may see that run in
    /// any year of the period (0 = unbounded), and, with a country group, only those in one country
    /// of the group (judged in the project's start year unless a day is given; a project in several
    /// countries is in no group, as in ReportDelivery). Whoever sees every project reads the stored
    /// buckets; a partner agency's own projects are read and counted in memory the way the store
    /// counts them, as the finance reports filter theirs, so its answer never includes another
    /// partner's projects.
    /// </summary>
    private async Task<IReadOnlyList<Bucket>> ProjectBucketsAsync(int startYear, int endYear, Contracts.Common.V1.CountryGroup group,
        Google.Type.Date? on, ReadScope scope, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        CheckPeriod(startYear, endYear, violations);
        var inGroup = CountryGroupRegistration.FilterFrom(group, on, violations);
        violations.ThrowIfAny();
        var (from, to) = Years(startYear, endYear);
        var admits = inGroup is null ? null : await inGroup.AdmitterAsync(countryStatuses, Today(), cancellationToken);
        var buckets = !scope.SeesEverything
            ? new ProjectReportTotals().BucketsOf(await projects.ReadAllAsync(Filter.All(scope.Projects,
                p => p.EndDate >= new DateOnly(from, 1, 1), p => p.StartDate <= new DateOnly(to, 12, 31)), new SortOrder<Project>(p => p.SortKey), cancellationToken))
            : admits is null ? await projections.ReadAsync(ProjectReportTotals.ProjectionName, ProjectReportTotals.EverywhereUntil(to), cancellationToken)
            : await GroupCountryBucketsAsync(admits, to, cancellationToken);
        var running = ProjectReportTotals.Running(buckets, from, to);
        return admits is null ? [.. running.Where(ProjectReportTotals.IsEverywhere)] : ProjectReportTotals.InGroup(running, admits);
    }

    /// <summary>
    /// The one-country buckets of only the countries the group admits in some year up to the
    /// period's end (each judged again in its projects' start year by the caller): one small key
    /// range per such country, so the read follows the group, not every country's projects.
    /// </summary>
    private async Task<List<Bucket>> GroupCountryBucketsAsync(Func<string, int, bool> admits, int to, CancellationToken cancellationToken)
    {
        var buckets = new List<Bucket>();
        // From 1900: a project may have started before the reports' first year and still run in the period.
        foreach (var code in Countries.ByCode.Keys.Where(code => Enumerable.Range(1900, to - 1900 + 1).Any(year => admits(code, year))))
            buckets.AddRange(await projections.ReadAsync(ProjectReportTotals.ProjectionName, ProjectReportTotals.OneCountryUntil(code, to), cancellationToken));
        return buckets;
    }
}
