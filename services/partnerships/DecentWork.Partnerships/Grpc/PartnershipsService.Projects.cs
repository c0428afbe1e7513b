using System.Runtime.CompilerServices;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The project RPCs: register, appraise, gender peer review, approve, change status, list, linkage report.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> RegisterProject(Contract.RegisterProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var plan = ProjectInput.Plan(request, violations);
        violations.ThrowIfAny();

        foreach (var partnerId in plan.PartnerIds.Distinct())
            _ = await partners.FindAsync(partnerId, context.CancellationToken)
                ?? throw new DomainRuleException($"Partner '{partnerId}' is not registered; register it before its projects.");
        var project = Project.Register(plan, clock.GetUtcNow());
        try
        {
            await projects.SaveAsync(project, cancellationToken: context.CancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new AlreadyExistsException($"A project with code '{project.Code}' is already registered.");
        }
        return ProjectMapping.ToProto(project);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.Project> GetProject(Contract.GetProjectRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var scope = await ReadScopeAsync(context);
        var project = scope.Visible(await projects.FindAsync(id, context.CancellationToken), scope.Projects)
            ?? throw new NotFoundException("Project", id);
        return ProjectMapping.ToProto(project);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.ListProjectsResponse> ListProjects(Contract.ListProjectsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.Check(!Enum.IsDefined(request.Status), "status", "is not a known project status");
        violations.ThrowIfAny();

        var status = (ProjectStatus)request.Status;
        var scope = await ReadScopeAsync(context);
        var filter = Filter.All(scope.Projects, status == 0 ? null : p => p.Status == status);
        var (found, total, nextPageToken) = await projects.PageAsync(filter, new SortOrder<Project>(p => p.SortKey), page, context.CancellationToken);
        var response = new Contract.ListProjectsResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.Projects.AddRange(found.Select(ProjectMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> AppraiseProject(Contract.AppraiseProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var appraisal = ProjectInput.Appraisal(request.Appraisal, Caller.From(context).Display, violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();
        return await ChangeProject(id!.Value, request.ExpectedVersion, p => p.Appraise(appraisal!, Today()), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> ReviewProjectGender(Contract.ReviewProjectGenderRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var review = ProjectInput.GenderReview(request.Review, Caller.From(context).Display, violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();
        return await ChangeProject(id!.Value, request.ExpectedVersion, p => p.ReviewGender(review!, Today()), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> ApproveProject(Contract.ApproveProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        var approvedOn = ProjectInput.OptionalDate(request.ApprovedOn, "approved_on", violations);
        violations.ThrowIfAny();
        var today = Today();
        var changedBy = Caller.From(context).Display;
        return await ChangeProject(id!.Value, request.ExpectedVersion, p => p.Approve(approvedOn ?? today, today, changedBy), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> ChangeProjectStatus(Contract.ChangeProjectStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(request.Status == Contract.ProjectStatus.Unspecified || !Enum.IsDefined(request.Status), "status",
            "is required and must be a known project status");
        violations.Check(request.Reason.Length > ProjectInput.MaxNote, "reason", $"must be at most {ProjectInput.MaxNote} characters");
        var changedOn = ProjectInput.OptionalDate(request.ChangedOn, "changed_on", violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();
        var today = Today();
        var changedBy = Caller.From(context).Display;
        return await ChangeProject(id!.Value, request.ExpectedVersion,
            p => p.ChangeStatus((ProjectStatus)request.Status, request.Reason, changedOn ?? today, today, changedBy), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ProjectLinkageReport> ReportProjectLinkage(Contract.ReportProjectLinkageRequest request, ServerCallContext context)
    {
        // A project counts in a period when it runs in any of its years. Office-wide, like the other
        // aggregate reports (see PartnerScopeTests), so not limited to the caller's projects: the
        // stored buckets of every project, whoever asks.
        var linkage = ProjectLinkage.From(await ProjectBucketsAsync(request.StartYear, request.EndYear, request.CountryGroup, request.CountryGroupOn,
            ReadScope.Everything, context.CancellationToken));
        return new Contract.ProjectLinkageReport
        {
            ProjectCount = linkage.Projects,
            LinkedToOutcomes = linkage.LinkedToOutcomes,
            LinkedToObjectives = linkage.LinkedToObjectives,
            LinkedToBoth = linkage.LinkedToBoth,
            LinkedSharePercent = linkage.LinkedSharePercent(),
        };
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<Project> FindProject(Guid id, CancellationToken cancellationToken) =>
        await projects.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Project", id);

    /// <summary>
    /// Every project change RPC through the one change helper: without an expected version a lost
    /// race is retried on a fresh read, where the domain rules run again against the winner's state.
    /// </summary>
    private async Task<Contract.Project> ChangeProject(Guid id, long expectedVersion, Action<Project> change, CancellationToken cancellationToken,
        [CallerMemberName] string operation = "")
    {
        var project = await projects.ChangeAsync(id, "Project", expectedVersion, p =>
        {
            change(p);
            return true;
        }, cancellationToken, operation: operation);
        return ProjectMapping.ToProto(project);
    }
}
