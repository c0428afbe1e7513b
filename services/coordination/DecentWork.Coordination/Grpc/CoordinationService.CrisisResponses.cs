using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Joint needs assessments and early-recovery programmes in countries in crisis.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.CrisisResponse> RecordCrisisResponse(Contract.RecordCrisisResponseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var kind = ToDomain(request.Kind);
        violations.Check(kind is null, "kind", "is required: a joint needs assessment or an early-recovery programme");
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.Check(!JointProgrammeRules.IsValidText(request.Title, CrisisResponse.MaxTitleLength, required: true),
            "title", $"is required and must be at most {CrisisResponse.MaxTitleLength} characters");
        violations.Check(!JointProgrammeRules.IsValidText(request.Crisis, CrisisResponse.MaxCrisisLength, required: false),
            "crisis", $"must be at most {CrisisResponse.MaxCrisisLength} characters");
        violations.Check(request.Agencies.Count is 0 or > CrisisResponse.MaxAgencies, "agencies",
            $"must list 1-{CrisisResponse.MaxAgencies} other agencies: the response is joint");
        for (var i = 0; i < request.Agencies.Count; i++)
            violations.Check(!CrisisResponse.IsValidOtherAgency(request.Agencies[i]), $"agencies[{i}]",
                $"must be 2-20 letters, digits or dashes, and not {JointProgramme.Organisation} (its part is organisation_role)");
        var role = ToDomain(request.OrganisationRole);
        violations.Check(role is null, "organisation_role", "is required: chair, co-chair, lead or member");
        var startedOn = DateFields.Required(request.StartedOn, "started_on", CrisisResponse.FirstYear, CrisisResponse.LastYear, violations);
        var endedOn = DateFields.Optional(request.EndedOn, "ended_on", CrisisResponse.FirstYear, CrisisResponse.LastYear, violations);
        violations.Check(endedOn < startedOn, "ended_on", "must not be before started_on");
        violations.ThrowIfAny();

        var terms = new CrisisResponseTerms(kind!.Value, request.Title, request.Crisis, role!.Value);
        var response = CrisisResponse.Record(country!, terms, request.Agencies, startedOn!.Value, endedOn, Clock.GetUtcNow());
        await CrisisResponses.SaveAsync(response, cancellationToken: context.CancellationToken);
        return ToProto(response);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.CrisisResponse> GetCrisisResponse(Contract.GetCrisisResponseRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var response = await CrisisResponses.FindAsync(id, context.CancellationToken) ?? throw new NotFoundException("Crisis response", request.Id);
        return ToProto(response);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListCrisisResponsesResponse> ListCrisisResponses(Contract.ListCrisisResponsesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var kind = ToDomain(request.Kind);
        violations.Check(request.Kind != Contract.CrisisResponseKind.Unspecified && kind is null, "kind", "is not a kind of crisis response");
        var country = violations.OptionalCountry(request.Country, "country");
        violations.ThrowIfAny();

        var filter = Filter.All<CrisisResponse>(
            kind is null ? null : c => c.Kind == kind.Value,
            country is null ? null : c => c.CountryCode == country.Code);
        var (found, total, nextPageToken) = await CrisisResponses.PageAsync(filter, new SortOrder<CrisisResponse>(c => c.SortKey), page, context.CancellationToken);
        var list = new Contract.ListCrisisResponsesResponse { NextPageToken = nextPageToken, TotalSize = total };
        list.CrisisResponses.AddRange(found.Select(ToProto));
        return list;
    }

    private static CrisisResponseKind? ToDomain(Contract.CrisisResponseKind kind) => kind switch
    {
        Contract.CrisisResponseKind.JointNeedsAssessment => CrisisResponseKind.JointNeedsAssessment,
        Contract.CrisisResponseKind.EarlyRecoveryProgramme => CrisisResponseKind.EarlyRecoveryProgramme,
        _ => null,
    };

    private static Contract.CrisisResponseKind ToProto(CrisisResponseKind kind) => kind switch
    {
        CrisisResponseKind.JointNeedsAssessment => Contract.CrisisResponseKind.JointNeedsAssessment,
        CrisisResponseKind.EarlyRecoveryProgramme => Contract.CrisisResponseKind.EarlyRecoveryProgramme,
        _ => Contract.CrisisResponseKind.Unspecified,
    };

    private static Contract.CrisisResponse ToProto(CrisisResponse response) => new()
    {
        Id = response.Id.ToString(),
        Kind = ToProto(response.Kind),
        CountryCode = response.CountryCode,
        Title = response.Title,
        Crisis = response.Crisis,
        Agencies = { response.Agencies },
        OrganisationRole = ToProto(response.OrganisationRole),
        StartedOn = ProtoConvert.ToDate(response.StartedOn),
        EndedOn = response.EndedOn is { } ended ? ProtoConvert.ToDate(ended) : null,
        RecordedAt = ProtoConvert.ToTimestamp(response.RecordedAt),
        Version = response.Version,
        EndReason = response.EndReason,
        EndedBy = response.EndedBy,
        EndedAt = response.EndedAt is { } endedAt ? ProtoConvert.ToTimestamp(endedAt) : null,
    };
}
