using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Steering committee and national framework links.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> SetSteeringCommittee(Contract.SetSteeringCommitteeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        RequireText(violations, request.Name, "name", MaxPlaceLength);
        var members = People(violations, request.Members, "members");
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.SetSteeringCommittee(request.Name, members, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> AddNationalFrameworkLink(Contract.AddNationalFrameworkLinkRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.Kind == 0 || !Enum.IsDefined(request.Kind), "kind", "must be PRSP, national development plan or other");
        RequireText(violations, request.Title, "title", Programme.MaxTitleLength);
        violations.Check(request.DocumentUri.Length > 0 && !IsWebLink(request.DocumentUri), "document_uri",
            $"must be an absolute http or https URI of at most {MaxUriLength} characters");
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.AddNationalFrameworkLink((NationalFrameworkKind)request.Kind, request.Title, request.DocumentUri, change));
    }
}
