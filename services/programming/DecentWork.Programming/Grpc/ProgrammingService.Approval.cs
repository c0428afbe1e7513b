using DecentWork.ServiceDefaults;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Approval, implementation, completion and evaluation.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesSign)]
    public override Task<Contract.Programme> SignProgramme(Contract.SignProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        RequireText(violations, request.Function, "function", Programme.MaxFunctionLength);
        var signedOn = ProtoConvert.ToDateOnly(request.SignedOn);
        violations.Check(signedOn is null, "signed_on", "is required and must be a full calendar date");
        // The group is the token's: a constituent signs for the group they represent, never for another.
        var group = ConstituentGroupOf(Caller.From(context));
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.Sign(group, request.Function, signedOn!.Value, change));
    }

    private static ConstituentGroup ConstituentGroupOf(Caller caller) => caller.ConstituentGroup switch
    {
        "government" => ConstituentGroup.Government,
        "employers" => ConstituentGroup.Employers,
        "workers" => ConstituentGroup.Workers,
        _ => throw new PermissionRuleException("NO_CONSTITUENT_GROUP",
            "a signature is given for a constituent group (government, employers or workers), and the access token names none"),
    };

    [Authorize(Policy = AccessPolicies.ProgrammesDecide)]
    public override async Task<Contract.Programme> ApproveProgramme(Contract.ApproveProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
#pragma warning disable CS0612 // the deprecated field is read only to refuse it
        violations.Check(request.Signatories.Count > 0, "signatories", "signatures are given by the constituents through SignProgramme");
#pragma warning restore CS0612
        try
        {
            return await ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context, async (p, change) =>
            {
                // In this order: the slot number first, then the binding programmes (see Programme.ApprovalSlot).
                var lastApproval = await LastApprovalSequenceAsync(p.CountryCode, context.CancellationToken);
                var binding = await BindingProgrammesAsync(p.CountryCode, context.CancellationToken);
                p.Approve(binding, lastApproval, change);
            });
        }
        catch (DuplicateKeyException)
        {
            // The only unique key an approval can collide on is its country's next approval slot.
            throw ErrorDetails.ToRpcException(StatusCode.Aborted,
                "Another programme of the same country was approved at the same moment; retry, and the overlap rule is checked against it.",
                ErrorDomain.Of(ProgrammingApp.ServiceName).Name, "CONCURRENT_APPROVAL", new Dictionary<string, string> { ["programme_id"] = request.ProgrammeId });
        }
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDecide)]
    public override Task<Contract.Programme> ActivateProgramme(Contract.ActivateProgrammeRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgrammeId, request.ExpectedVersion, new FieldViolations(), context,
            (p, change) => p.Activate(change));

    [Authorize(Policy = AccessPolicies.ProgrammesDecide)]
    public override Task<Contract.Programme> CompleteProgramme(Contract.CompleteProgrammeRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgrammeId, request.ExpectedVersion, new FieldViolations(), context,
            (p, change) => p.Complete(change));

    [Authorize(Policy = AccessPolicies.ProgrammesDecide)]
    public override Task<Contract.Programme> RecordEvaluation(Contract.RecordEvaluationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.Kind == 0 || !Enum.IsDefined(request.Kind), "kind", "must be tripartite or independent");
        var evaluatedOn = ProtoConvert.ToDateOnly(request.EvaluatedOn);
        violations.Check(evaluatedOn is null, "evaluated_on", "is required and must be a full calendar date");
        RequireText(violations, request.Summary, "summary", Programme.MaxSummaryLength);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.RecordEvaluation((EvaluationKind)request.Kind, evaluatedOn!.Value, request.Summary, change));
    }
}
