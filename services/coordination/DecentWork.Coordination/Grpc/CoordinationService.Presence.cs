using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>SetCountryPresence and GetCountryPresence: resident or covered from elsewhere, and the Resident Coordinator.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.CountryPresence> SetCountryPresence(Contract.SetCountryPresenceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var presence = ToDomain(request.Presence);
        violations.Check(presence is null, "presence", "is required: AGENCY_PRESENCE_RESIDENT or AGENCY_PRESENCE_NON_RESIDENT");
        violations.Check(presence == AgencyPresence.NonResident && !CountryPresence.IsValidName(request.CoveringOffice, required: true),
            "covering_office", $"is required for a non-resident country and must be at most {CountryPresence.MaxNameLength} characters");
        violations.Check(presence == AgencyPresence.Resident && request.CoveringOffice.Trim().Length > 0,
            "covering_office", "must be empty for a resident agency");
        violations.Check(!CountryPresence.IsValidName(request.ResidentCoordinator, required: false),
            "resident_coordinator", $"must be at most {CountryPresence.MaxNameLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // A record not yet created is version 0: any other expected version is stale. Without one the
        // caller asked for "this presence now": a lost race is retried on a fresh read, the first save's
        // too (two first calls for one country meet on its unique country code, the record's only key).
        var record = await presences.ChangeAsync(
            async token => await FindPresenceAsync(country!.Code, token) ?? CountryPresence.For(country),
            request.ExpectedVersion, found =>
            {
                found.Set(presence!.Value, request.CoveringOffice, request.ResidentCoordinator, clock.GetUtcNow());
                return Task.FromResult(true);
            },
            context.CancellationToken, ConflictRetry.Request with { DuplicateKeyIsConflict = true });
        return ToProto(record);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.CountryPresence> GetCountryPresence(Contract.GetCountryPresenceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.ThrowIfAny();
        var held = await FindPresenceAsync(country!.Code, context.CancellationToken)
            ?? throw new NotFoundException("Presence in country", country.Code);
        return ToProto(held);
    }

    private async Task<CountryPresence?> FindPresenceAsync(string countryCode, CancellationToken cancellationToken)
    {
        var found = await Presences.QueryAsync(p => p.CountryCode == countryCode, new SortOrder<CountryPresence>(p => p.CountryCode), 0, 1, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    internal static AgencyPresence? ToDomain(Contract.AgencyPresence presence) => presence switch
    {
        Contract.AgencyPresence.Resident => AgencyPresence.Resident,
        Contract.AgencyPresence.NonResident => AgencyPresence.NonResident,
        _ => null,
    };

    internal static Contract.AgencyPresence ToProto(AgencyPresence? presence) => presence switch
    {
        AgencyPresence.Resident => Contract.AgencyPresence.Resident,
        AgencyPresence.NonResident => Contract.AgencyPresence.NonResident,
        _ => Contract.AgencyPresence.Unspecified,
    };

    private static Contract.CountryPresence ToProto(CountryPresence presence) => new()
    {
        CountryCode = presence.CountryCode,
        Presence = ToProto(presence.Presence),
        CoveringOffice = presence.CoveringOffice,
        ResidentCoordinator = presence.ResidentCoordinator,
        UpdatedAt = ProtoConvert.ToTimestamp(presence.UpdatedAt),
        Version = presence.Version,
    };
}
