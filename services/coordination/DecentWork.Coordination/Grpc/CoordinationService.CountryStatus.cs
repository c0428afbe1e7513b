using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;
using CountryStatus = DecentWork.Coordination.Domain.CountryStatus;

namespace DecentWork.Coordination.Grpc;

/// <summary>GetCountryStatus, ListCountryStatuses, SetCountryStatus: dated least-developed and crisis status.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.CountryStatus> GetCountryStatus(Contract.GetCountryStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.ThrowIfAny();

        var status = await countryStatuses.FindAsync(KnownCountryStatus.IdOf(country!.Code), context.CancellationToken) ?? CountryStatus.For(country);
        return CountryStatusMapping.ToProto(status);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListCountryStatusesResponse> ListCountryStatuses(Contract.ListCountryStatusesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var filter = CountryGroupRegistration.FilterFrom(request.Group, request.On, violations, "group", "on");
        violations.ThrowIfAny();

        // At most one record per country: filtering in memory is bounded by the number of countries.
        var all = await countryStatuses.ReadAllAsync(_ => true, new SortOrder<CountryStatus>(s => s.CountryCode), context.CancellationToken);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var day = filter?.On ?? today;
        var matching = filter is null ? all : all.Where(s => s.Periods.IsIn(filter.Group, day)).ToList();
        var (rows, total, next) = page.Of(matching, s => s.CountryCode);
        var response = new Contract.ListCountryStatusesResponse { NextPageToken = next, TotalSize = total };
        response.CountryStatuses.AddRange(rows.Select(CountryStatusMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.CountryStatus> SetCountryStatus(Contract.SetCountryStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var leastDeveloped = CountryStatusMapping.Periods(request.LeastDeveloped, "least_developed", CountryStatusRules.MaxLeastDevelopedPeriods, violations);
        var crises = CountryStatusMapping.Periods(request.Crises, "crises", CountryStatusRules.MaxCrisisPeriods, violations);
        violations.Check(!CountryStatusRules.IsValidReason(request.Reason), "reason", $"is required and must be at most {CountryStatusRules.MaxReasonLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var changedBy = Caller.From(context).Display;
        // A status not yet saved is version 0: any other expected version is stale. Without one the
        // caller asked for "this status now": a lost race (the first save's too) is retried on a fresh read.
        var status = await countryStatuses.ChangeAsync(
            async token => await countryStatuses.FindAsync(KnownCountryStatus.IdOf(country!.Code), token) ?? CountryStatus.For(country),
            request.ExpectedVersion, held => Task.FromResult(held.Set(leastDeveloped, crises, request.Reason, changedBy, Clock.GetUtcNow())),
            context.CancellationToken, ConflictRetry.Request with { DuplicateKeyIsConflict = true });
        return CountryStatusMapping.ToProto(status);
    }
}
