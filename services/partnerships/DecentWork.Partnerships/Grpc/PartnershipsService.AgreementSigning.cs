using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Signing agreements, and the PPP guideline checklist that must come first.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Agreement> CompletePppChecklist(Contract.CompletePppChecklistRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        PppChecklist? checklist = null;
        if (violations.Check(request.Checklist is null, "checklist", "is required"))
        {
            checklist = new PppChecklist
            {
                // Whoever records the completion; checklist.completed_by in the request is ignored.
                CompletedBy = Caller.From(context).Display,
                CompletedOn = ProtoConvert.ToDateOnly(request.Checklist!.CompletedOn) ?? default,
                Note = request.Checklist.Note.Trim(),
            };
            violations.Check(checklist.CompletedOn == default, "checklist.completed_on", "is required and must be a real calendar date");
            violations.Check(request.Checklist.Note.Length > MaxNoteLength, "checklist.note", $"must be at most {MaxNoteLength} characters");
        }
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();
        return await ChangeAgreement(partnerId, id!.Value, request.ExpectedVersion, a => a.CompletePppChecklist(checklist!, Today()), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Agreement> SignAgreement(Contract.SignAgreementRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var signedOn = ProtoConvert.ToDateOnly(request.SignedOn);
        violations.Check(signedOn is null, "signed_on", "is required and must be a real calendar date");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();
        return await ChangeAgreement(partnerId, id!.Value, request.ExpectedVersion, a => a.Sign(signedOn!.Value, Today()), context.CancellationToken);
    }

    private async Task<Contract.Agreement> ChangeAgreement(Guid? partnerId, Guid id, long expectedVersion, Action<Agreement> change, CancellationToken cancellationToken)
    {
        // Through the one change helper: without an expected version a lost race is retried on a fresh read.
        var agreement = await agreements.ChangeAsync(token => FindAgreement(partnerId, id, ReadScope.Everything, token), expectedVersion, found =>
        {
            change(found);
            return Task.FromResult(true);
        }, cancellationToken);
        return AgreementMapping.ToProto(agreement);
    }
}
