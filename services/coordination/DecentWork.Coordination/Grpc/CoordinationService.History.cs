using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Common = DecentWork.Contracts.Common.V1;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// The history routes. Coordination's reads are open to every reader of the service, so each
/// route answers whoever may call the resource's Get, with the same NOT_FOUND.
/// </summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Common.HistoryPage> GetUndafHistory(Contract.GetUndafHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.UndafId, "undaf_id", request.PageSize, request.PageToken);
        return await undafs.HistoryOfExistingAsync(id, page, "UNDAF", context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Common.HistoryPage> GetJointProgrammeHistory(Contract.GetJointProgrammeHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.JointProgrammeId, "joint_programme_id", request.PageSize, request.PageToken);
        return await jointProgrammes.HistoryOfExistingAsync(id, page, "Joint programme", context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Common.HistoryPage> GetToolkitAssessmentHistory(Contract.GetToolkitAssessmentHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.ToolkitAssessmentId, "toolkit_assessment_id", request.PageSize, request.PageToken);
        return await toolkitAssessments.HistoryOfExistingAsync(id, page, "Toolkit assessment", context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Common.HistoryPage> GetCrisisResponseHistory(Contract.GetCrisisResponseHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.CrisisResponseId, "crisis_response_id", request.PageSize, request.PageToken);
        return await crisisResponses.HistoryOfExistingAsync(id, page, "Crisis response", context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Common.HistoryPage> GetCountryPresenceHistory(Contract.GetCountryPresenceHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();
        var held = await FindPresenceAsync(country!.Code, context.CancellationToken) ?? throw new NotFoundException("Presence in country", country.Code);
        return await presences.HistoryPageAsync(held.Id, page, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Common.HistoryPage> GetDeliveringAsOnePilotHistory(Contract.GetDeliveringAsOnePilotHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();
        var pilot = await FindPilotAsync(country!.Code, context.CancellationToken) ?? throw new NotFoundException("Delivering-as-One pilot", country.Code);
        return await pilots.HistoryPageAsync(pilot.Id, page, context.CancellationToken);
    }
}
