using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>EndCrisisResponse and UnlinkOutcomes: corrections that keep what they undo.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.CrisisResponse> EndCrisisResponse(Contract.EndCrisisResponseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var endedOn = DateFields.Required(request.EndedOn, "ended_on", CrisisResponse.FirstYear, CrisisResponse.LastYear, violations);
        violations.Check(!CrisisResponse.IsValidReason(request.Reason), "reason", $"is required and must be at most {CrisisResponse.MaxReasonLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var endedBy = Caller.From(context).Display;
        var response = await crisisResponses.ChangeAsync(
            async token => await crisisResponses.FindAsync(id!.Value, token) ?? throw new NotFoundException("Crisis response", request.Id),
            request.ExpectedVersion, found =>
            {
                found.End(endedOn!.Value, request.Reason, endedBy, clock.GetUtcNow());
                return Task.FromResult(true);
            }, context.CancellationToken);
        return ToProto(response);
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.Undaf> UnlinkOutcomes(Contract.UnlinkOutcomesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var undafId = ProtoConvert.ToId(request.UndafId);
        var outcomeId = ProtoConvert.ToId(request.ProgrammeOutcomeId);
        violations.Check(undafId is null, "undaf_id", "must be a UUID");
        violations.Check(string.IsNullOrEmpty(request.UndafOutcomeCode), "undaf_outcome_code", "is required");
        violations.Check(outcomeId is null, "programme_outcome_id", "must be a UUID");
        violations.Check(!Undaf.IsValidReason(request.Reason), "reason", $"is required and must be at most {Undaf.MaxReasonLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var unlinkedBy = Caller.From(context).Display;
        var undaf = await undafs.ChangeAsync(undafId!.Value, "UNDAF", request.ExpectedVersion, u =>
        {
            if (!u.Unlink(request.UndafOutcomeCode, outcomeId!.Value, request.Reason, unlinkedBy, clock.GetUtcNow()))
                throw new NotFoundException("Outcome link", $"{request.UndafOutcomeCode} ~ {outcomeId}");
            return true;
        }, context.CancellationToken);
        return ToProto(undaf);
    }

    private static Contract.RemovedOutcomeLink ToProto(RemovedOutcomeLink removed) => new()
    {
        Link = new Contract.OutcomeLink
        {
            UndafOutcomeCode = removed.Link.UndafOutcomeCode,
            ProgrammeId = removed.Link.ProgrammeId.ToString(),
            ProgrammeOutcomeId = removed.Link.ProgrammeOutcomeId.ToString(),
            LinkedAt = ProtoConvert.ToTimestamp(removed.Link.LinkedAt),
        },
        RemovedAt = ProtoConvert.ToTimestamp(removed.RemovedAt),
        RemovedBy = removed.RemovedBy,
        Reason = removed.Reason,
    };
}
