using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Common = DecentWork.Contracts.Common.V1;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// The history routes: each finds the resource exactly as its Get does (same scope, same
/// NOT_FOUND), then reads the records the store wrote with every save.
/// </summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Common.HistoryPage> GetPartnerHistory(Contract.GetPartnerHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.PartnerId, "partner_id", request.PageSize, request.PageToken);
        var scope = await ReadScopeAsync(context);
        var partner = scope.Visible(await partners.FindAsync(id, context.CancellationToken), scope.Partners)
            ?? throw new NotFoundException("Partner", request.PartnerId);
        return await partners.HistoryPageAsync(partner.Id, page, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Common.HistoryPage> GetFundingApprovalHistory(Contract.GetFundingApprovalHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.FundingApprovalId, "funding_approval_id", request.PageSize, request.PageToken);
        var scope = await ReadScopeAsync(context);
        var approval = scope.Visible(await approvals.FindAsync(id, context.CancellationToken), scope.Approvals)
            ?? throw new NotFoundException("Funding approval", request.FundingApprovalId);
        return await approvals.HistoryPageAsync(approval.Id, page, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Common.HistoryPage> GetAgreementHistory(Contract.GetAgreementHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        var id = ProtoConvert.ToId(request.AgreementId);
        violations.Check(id is null, "agreement_id", "must be a UUID");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();
        var agreement = await FindAgreement(partnerId, id!.Value, await ReadScopeAsync(context), context.CancellationToken);
        return await agreements.HistoryPageAsync(agreement.Id, page, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Common.HistoryPage> GetProjectHistory(Contract.GetProjectHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.ProjectId, "project_id", request.PageSize, request.PageToken);
        var scope = await ReadScopeAsync(context);
        var project = scope.Visible(await projects.FindAsync(id, context.CancellationToken), scope.Projects)
            ?? throw new NotFoundException("Project", id);
        return await projects.HistoryPageAsync(project.Id, page, context.CancellationToken);
    }
}
