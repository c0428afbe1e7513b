using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Approval, implementation, completion and evaluation.</summary>
public sealed partial class ProgrammingService
{
    public const int MaxSignatoryNameLength = 200;

    public override async Task<Contract.Programme> ApproveProgramme(Contract.ApproveProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var groups = new[] { Contract.ConstituentGroup.Government, Contract.ConstituentGroup.Employers, Contract.ConstituentGroup.Workers };
        violations.Check(request.Signatories.Count != 3 || groups.Any(g => request.Signatories.Count(s => s.Group == g) != 1),
            "signatories", "must hold exactly one signatory for each of government, employers and workers");
        var signatories = new List<Signatory>();
        for (var i = 0; i < request.Signatories.Count; i++)
        {
            var s = request.Signatories[i];
            RequireText(violations, s.Name, $"signatories[{i}].name", MaxSignatoryNameLength);
            var signedOn = ProtoConvert.ToDateOnly(s.SignedOn);
            violations.Check(signedOn is null, $"signatories[{i}].signed_on", "is required and must be a full calendar date");
            signatories.Add(new Signatory { Group = (ConstituentGroup)s.Group, Name = s.Name.Trim(), SignedOn = signedOn ?? default });
        }
        try
        {
            return await ChangeAsync(request.ProgrammeId, request.ExpectedVersion, request.ChangedBy, violations, context, async (p, change) =>
            {
                // In this order: the slot number first, then the binding programmes (see Programme.ApprovalSlot).
                var lastApproval = await LastApprovalSequenceAsync(p.CountryCode, context.CancellationToken);
                var binding = await BindingProgrammesAsync(p.CountryCode, context.CancellationToken);
                p.Approve(signatories, binding, lastApproval, change);
            });
        }
        catch (DuplicateKeyException)
        {
            // The only unique key an approval can collide on is its country's next approval slot.
            throw new RpcException(new Status(StatusCode.Aborted,
                "Another programme of the same country was approved at the same moment; retry, and the overlap rule is checked against it."));
        }
    }

    public override Task<Contract.Programme> ActivateProgramme(Contract.ActivateProgrammeRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgrammeId, request.ExpectedVersion, request.ChangedBy, new FieldViolations(), context,
            (p, change) => p.Activate(change));

    public override Task<Contract.Programme> CompleteProgramme(Contract.CompleteProgrammeRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgrammeId, request.ExpectedVersion, request.ChangedBy, new FieldViolations(), context,
            (p, change) => p.Complete(change));

    public override Task<Contract.Programme> RecordEvaluation(Contract.RecordEvaluationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.Kind == 0 || !Enum.IsDefined(request.Kind), "kind", "must be tripartite or independent");
        var evaluatedOn = ProtoConvert.ToDateOnly(request.EvaluatedOn);
        violations.Check(evaluatedOn is null, "evaluated_on", "is required and must be a full calendar date");
        RequireText(violations, request.Summary, "summary", Programme.MaxSummaryLength);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, request.ChangedBy, violations, context,
            (p, change) => p.RecordEvaluation((EvaluationKind)request.Kind, evaluatedOn!.Value, request.Summary, change));
    }
}
