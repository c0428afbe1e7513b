using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>LinkOutcomes: a DWCP outcome this service knows, linked to an UNDAF outcome.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.Undaf> LinkOutcomes(Contract.LinkOutcomesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var undafId = ProtoConvert.ToId(request.UndafId);
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        var outcomeId = ProtoConvert.ToId(request.ProgrammeOutcomeId);
        violations.Check(undafId is null, "undaf_id", "must be a UUID");
        violations.Check(string.IsNullOrEmpty(request.UndafOutcomeCode), "undaf_outcome_code", "is required");
        violations.Check(programmeId is null, "programme_id", "must be a UUID");
        violations.Check(outcomeId is null, "programme_outcome_id", "must be a UUID");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var undaf = await undafs.ChangeAsync(async token => await undafs.FindAsync(undafId!.Value, token) ?? throw new NotFoundException("UNDAF", undafId.Value),
            request.ExpectedVersion, async found =>
            {
                // The UNDAF outcome is a part of the UNDAF named in the path: missing, it is NOT_FOUND like the UNDAF itself.
                if (!found.HasOutcome(request.UndafOutcomeCode))
                    throw new NotFoundException("UNDAF outcome", request.UndafOutcomeCode);
                // The DWCP is another service's: not (yet) heard of is a precondition, as in training's links.
                var programme = await programmes.FindAsync(programmeId!.Value, context.CancellationToken)
                    ?? throw new NotKnownYetException("Programme", programmeId.Value,
                        $"Coordination has not heard of programme '{programmeId.Value}': it may not be approved yet, or its events have not arrived.");
                // An existing link changes nothing, so nothing is saved and the version stays put.
                return found.Link(request.UndafOutcomeCode, programme, outcomeId!.Value, clock.GetUtcNow());
            }, context.CancellationToken);
        return ToProto(undaf);
    }
}
