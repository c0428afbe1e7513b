using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Delivering-as-One pilots and the organisation's roles in their thematic working groups.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.DeliveringAsOnePilot> RegisterDeliveringAsOnePilot(Contract.RegisterDeliveringAsOnePilotRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.Check(request.PilotSinceYear is < DeliveringAsOnePilot.FirstYear or > DeliveringAsOnePilot.LastYear,
            "pilot_since_year", $"is required and must be {DeliveringAsOnePilot.FirstYear}-{DeliveringAsOnePilot.LastYear}");
        violations.ThrowIfAny();

        // Looking first names the country in the message; the unique index still decides a race.
        if (await FindPilotAsync(country!.Code, context.CancellationToken) is not null)
            throw new AlreadyExistsException($"{country.Code} is already a Delivering-as-One pilot.");
        var pilot = DeliveringAsOnePilot.Register(country, request.PilotSinceYear, Clock.GetUtcNow());
        await Pilots.SaveAsync(pilot, cancellationToken: context.CancellationToken);
        return ToProto(pilot);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.DeliveringAsOnePilot> GetDeliveringAsOnePilot(Contract.GetDeliveringAsOnePilotRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.ThrowIfAny();
        return ToProto(await FindPilotAsync(country!.Code, context.CancellationToken) ?? throw new NotFoundException("Delivering-as-One pilot", country.Code));
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListDeliveringAsOnePilotsResponse> ListDeliveringAsOnePilots(Contract.ListDeliveringAsOnePilotsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var all = Filter.All<DeliveringAsOnePilot>();
        // Country codes are unique, so the code alone is a stable paging key.
        var (found, total, nextPageToken) = await Pilots.PageAsync(all, new SortOrder<DeliveringAsOnePilot>(p => p.CountryCode), page, context.CancellationToken);
        var response = new Contract.ListDeliveringAsOnePilotsResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.Pilots.AddRange(found.Select(ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.DeliveringAsOnePilot> SetWorkingGroup(Contract.SetWorkingGroupRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var group = request.WorkingGroup ?? new Contract.WorkingGroup();
        violations.Check(!DeliveringAsOnePilot.IsValidGroupName(group.Name), "working_group.name",
            $"is required and must be at most {DeliveringAsOnePilot.MaxGroupNameLength} characters");
        violations.Check(group.Agencies.Count > DeliveringAsOnePilot.MaxAgencies, "working_group.agencies", $"must be at most {DeliveringAsOnePilot.MaxAgencies}");
        for (var i = 0; i < group.Agencies.Count; i++)
            violations.Check(!JointProgrammeRules.IsValidAgency(group.Agencies[i]), $"working_group.agencies[{i}]", "must be 2-20 letters, digits or dashes");
        var role = ToDomain(group.OrganisationRole);
        violations.Check(role is null, "working_group.organisation_role", "is required: chair, co-chair, lead or member");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var pilot = await pilots.ChangeAsync(
            async token => await FindPilotAsync(country!.Code, token) ?? throw new NotFoundException("Delivering-as-One pilot", country.Code),
            request.ExpectedVersion, found =>
            {
                found.SetWorkingGroup(group.Name, group.Agencies, role!.Value);
                return Task.FromResult(true);
            }, context.CancellationToken);
        return ToProto(pilot);
    }

    private async Task<DeliveringAsOnePilot?> FindPilotAsync(string countryCode, CancellationToken cancellationToken)
    {
        var found = await Pilots.QueryAsync(p => p.CountryCode == countryCode, new SortOrder<DeliveringAsOnePilot>(p => p.CountryCode), 0, 1, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static OrganisationRole? ToDomain(Contract.OrganisationRole role) => role switch
    {
        Contract.OrganisationRole.Chair => OrganisationRole.Chair,
        Contract.OrganisationRole.CoChair => OrganisationRole.CoChair,
        Contract.OrganisationRole.Lead => OrganisationRole.Lead,
        Contract.OrganisationRole.Member => OrganisationRole.Member,
        _ => null,
    };

    private static Contract.OrganisationRole ToProto(OrganisationRole role) => role switch
    {
        OrganisationRole.Chair => Contract.OrganisationRole.Chair,
        OrganisationRole.CoChair => Contract.OrganisationRole.CoChair,
        OrganisationRole.Lead => Contract.OrganisationRole.Lead,
        OrganisationRole.Member => Contract.OrganisationRole.Member,
        _ => Contract.OrganisationRole.Unspecified,
    };

    private static Contract.DeliveringAsOnePilot ToProto(DeliveringAsOnePilot pilot) => new()
    {
        CountryCode = pilot.CountryCode,
        PilotSinceYear = pilot.PilotSinceYear,
        WorkingGroups =
        {
            pilot.WorkingGroups.Select(g => new Contract.WorkingGroup { Name = g.Name, Agencies = { g.Agencies }, OrganisationRole = ToProto(g.OrganisationRole) }),
        },
        RegisteredAt = ProtoConvert.ToTimestamp(pilot.RegisteredAt),
        Version = pilot.Version,
    };
}
