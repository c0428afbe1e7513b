using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Withdrawing a project: a correction of the portfolio that keeps the project and its history.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Project> WithdrawProject(WithdrawProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(request.Reason.Trim().Length == 0, "reason", "is required");
        violations.Check(request.Reason.Length > ProjectInput.MaxNote, "reason", $"must be at most {ProjectInput.MaxNote} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();
        var today = Today();
        var changedBy = Caller.From(context).Display;
        return await ChangeProject(id!.Value, request.ExpectedVersion, p => p.Withdraw(request.Reason, today, changedBy), context.CancellationToken);
    }
}
