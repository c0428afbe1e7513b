using DecentWork.ServiceDefaults;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Maps proto requests to the Programme aggregate and back; rules live in the aggregate.</summary>
public sealed partial class ProgrammingService(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, IProjectionReader projections, TimeProvider clock,
    IAggregateStore<KnownCountryStatus> countryStatuses,
    IAggregateStore<GenderAudit> genderAudits, IAggregateStore<RatificationTarget> ratificationTargets)
    : Contract.ProgrammingService.ProgrammingServiceBase
{
    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override async Task<Contract.Programme> RegisterProgramme(Contract.RegisterProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.Check(string.IsNullOrWhiteSpace(request.Title), "title", "is required");
        violations.Check(request.Title.Length > Programme.MaxTitleLength, "title", $"must be at most {Programme.MaxTitleLength} characters");
        var start = ProtoConvert.ToDateOnly(request.PeriodStart);
        var end = ProtoConvert.ToDateOnly(request.PeriodEnd);
        violations.Check(start is null, "period_start", "is required and must be a full calendar date");
        violations.Check(end is null, "period_end", "is required and must be a full calendar date");
        violations.Check(start is not null && end is not null && end < start, "period_end", "must not be before period_start");
        CheckRequestId(request.RequestId, violations);
        violations.ThrowIfAny();
        var caller = Caller.From(context);
        if (!caller.MaySeeCountry(country!.Code, GlobalRoles))
            throw new PermissionRuleException("COUNTRY_OUTSIDE_SCOPE", "a country office registers programmes of its own countries");

        // A retry is answered before the overlap rule, which may refuse the period by now (the
        // first call's programme, or another, approved meanwhile): the draft was registered then,
        // and that is the answer.
        if (await FindByRequestIdAsync(request.RequestId, context.CancellationToken) is { } registered)
            return await ToProtoAsync(registered.AnswerRepeat(country!, request.Title, start!.Value, end!.Value), context.CancellationToken);

        var binding = await BindingProgrammesAsync(country!.Code, context.CancellationToken);
        var programme = Programme.Register(country, request.Title, start!.Value, end!.Value,
            new Change(caller.Subject, caller.Name, clock.GetUtcNow()), binding, request.RequestId);
        return await ToProtoAsync(await SaveOnceAsync(programme, country, context.CancellationToken), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.ProgrammesRead)]
    public override async Task<Contract.Programme> GetProgramme(Contract.GetProgrammeRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        return await ToProtoAsync(await FindVisibleAsync(id, request.Id, Caller.From(context), context.CancellationToken), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.ProgrammesRead)]
    public override async Task<Contract.ListProgrammesResponse> ListProgrammes(Contract.ListProgrammesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var country = violations.OptionalCountry(request.Country, "country");
        violations.Check(!Enum.IsDefined(request.Region), "region", "is not a known region");
        violations.Check(!Enum.IsDefined(request.Status), "status", "is not a known status");
        CheckRequestId(request.RequestId, violations);
        violations.ThrowIfAny();

        var region = (IloRegion)request.Region;
        // Discarded drafts only when asked for, by the flag or by their status.
        var leaveOutDiscarded = !request.IncludeDiscarded && request.Status != Contract.ProgrammeStatus.Discarded;
        var status = (ProgrammeStatus)request.Status;
        var requestKey = Programme.KeyOfRequest(request.RequestId);
        // Zero enum values mean "any": only the filters the caller set narrow the query.
        var filter = Filter.All(
            VisibleTo(Caller.From(context)),
            country is null ? null : p => p.CountryCode == country.Code,
            region == 0 ? null : p => p.Region == region,
            status == 0 ? null : p => p.Status == status,
            leaveOutDiscarded ? p => p.Status != ProgrammeStatus.Discarded : null,
            request.RequestId.Length == 0 ? null : p => p.RequestKey == requestKey);
        var (found, total, nextPageToken) = await programmes.PageAsync(filter, new SortOrder<Programme>(p => p.SortKey), page, context.CancellationToken);
        var response = new Contract.ListProgrammesResponse { NextPageToken = nextPageToken, TotalSize = total };
        // One lookup by id per programme on the page (at most Page.MaxSize), not a scan.
        foreach (var programme in found) response.Programmes.Add(await ToProtoAsync(programme, context.CancellationToken));
        return response;
    }
}
