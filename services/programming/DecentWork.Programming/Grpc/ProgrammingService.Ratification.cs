using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Countries targeted for ratification of a Convention, the TC that supports it, and the report by convention.</summary>
public sealed partial class ProgrammingService
{
    private const string RatificationTargetResource = "Ratification target";

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override async Task<Contract.RatificationTarget> TargetRatification(Contract.TargetRatificationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.ConventionNumber is < 1 or > RatificationTarget.MaxConventionNumber, "convention_number",
            $"must be 1-{RatificationTarget.MaxConventionNumber}");
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        violations.Check(request.Campaign.Length > RatificationTarget.MaxCampaignLength, "campaign", $"must be at most {RatificationTarget.MaxCampaignLength} characters");
        var projectId = ProtoConvert.ToId(request.SupportingProjectId);
        violations.Check(request.SupportingProjectId.Length > 0 && projectId is null, "supporting_project_id", "must be a UUID");
        violations.Check(request.SupportingProjectId.Length == 0 && string.IsNullOrWhiteSpace(request.SupportingProjectCode), "supporting_project_code",
            "or supporting_project_id is required");
        violations.Check(request.SupportingProjectCode.Length > RatificationTarget.MaxProjectCodeLength, "supporting_project_code",
            $"must be at most {RatificationTarget.MaxProjectCodeLength} characters");
        var partnerId = ProtoConvert.ToId(request.PartnerId);
        violations.Check(request.PartnerId.Length > 0 && partnerId is null, "partner_id", "must be a UUID");
        violations.Check(request.PartnerName.Length > RatificationTarget.MaxPartnerNameLength, "partner_name",
            $"must be at most {RatificationTarget.MaxPartnerNameLength} characters");
        var targetedOn = ProtoConvert.ToDateOnly(request.TargetedOn);
        violations.Check(targetedOn is null, "targeted_on", "is required and must be a full calendar date");
        violations.ThrowIfAny();

        var caller = EnsureMayWriteIn(country!, context, "ratification targets");
        var key = RatificationTarget.KeyOf(request.ConventionNumber, country!.Code);
        if ((await ratificationTargets.QueryAsync(t => t.TargetKey == key, new SortOrder<RatificationTarget>(t => t.SortKey), 0, 1, context.CancellationToken)).Count > 0)
            throw new AlreadyExistsException($"{country.Code} is already targeted for ratification of Convention No. {request.ConventionNumber}.",
                "RATIFICATION_TARGET_ALREADY_EXISTS", new Dictionary<string, string> { ["target_key"] = key });
        var target = RatificationTarget.Target(request.ConventionNumber, country, request.Campaign, projectId, request.SupportingProjectCode,
            partnerId, request.PartnerName, targetedOn!.Value, new Change(caller.Subject, caller.Name, clock.GetUtcNow()));
        // Two callers targeting the same pair at once: the unique key refuses the second (ALREADY_EXISTS).
        await ratificationTargets.SaveAsync(target, cancellationToken: context.CancellationToken);
        return ToProto(target);
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override async Task<Contract.RatificationTarget> RecordRatification(Contract.RecordRatificationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var ratifiedOn = ProtoConvert.ToDateOnly(request.RatifiedOn);
        violations.Check(ratifiedOn is null, "ratified_on", "is required and must be a full calendar date");
        return ToProto(await ChangeInCountryScopeAsync(ratificationTargets, RatificationTargetResource, request.RatificationTargetId, "ratification_target_id",
            request.ExpectedVersion, violations, context, t => t.CountryCode, (target, change) =>
            {
                target.RecordRatification(ratifiedOn!.Value, change);
                return Task.CompletedTask;
            }));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesRead)]
    public override async Task<Contract.ListRatificationTargetsResponse> ListRatificationTargets(Contract.ListRatificationTargetsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.Check(request.ConventionNumber is < 0 or > RatificationTarget.MaxConventionNumber, "convention_number",
            $"must be 0 (any) or 1-{RatificationTarget.MaxConventionNumber}");
        var country = violations.OptionalCountry(request.Country, "country");
        violations.Check(!Enum.IsDefined(request.Region), "region", "is not a known region");
        violations.Check(!Enum.IsDefined(request.State), "state", "is not a known ratification state");
        violations.ThrowIfAny();

        var region = (IloRegion)request.Region;
        var convention = request.ConventionNumber;
        var scope = Caller.From(context).CountryScope(GlobalRoles)?.ToList();
        var filter = Filter.All<RatificationTarget>(
            scope is null ? null : scope.Count == 0 ? t => t.CountryCode == "" : t => scope.Contains(t.CountryCode),
            convention == 0 ? null : t => t.ConventionNumber == convention,
            country is null ? null : t => t.CountryCode == country.Code,
            region == 0 ? null : t => t.Region == region,
            request.State switch
            {
                Contract.RatificationState.Ratified => t => t.RatifiedOn != null,
                Contract.RatificationState.Pending => t => t.RatifiedOn == null,
                _ => null,
            });
        var (found, total, next) = await ratificationTargets.PageAsync(filter, new SortOrder<RatificationTarget>(t => t.SortKey), page, context.CancellationToken);
        var response = new Contract.ListRatificationTargetsResponse { NextPageToken = next, TotalSize = total };
        response.RatificationTargets.AddRange(found.Select(ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportRatificationTargetsResponse> ReportRatificationTargets(Contract.ReportRatificationTargetsRequest request, ServerCallContext context)
    {
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        var buckets = await ReportBucketsAsync(RatificationTargetsProjection.ProjectionName, request.Region, request.Country, context);
        // Targets have no year: the group is the one of the day asked for, or today's.
        var report = RatificationReport.From(inGroup is null ? buckets : buckets.Where(b => inGroup(RatificationTargetsProjection.CountryOf(b), 0)));
        var response = new Contract.ReportRatificationTargetsResponse();
        response.Rows.AddRange(report.Select(c => new Contract.ConventionRatificationTotal
        {
            ConventionNumber = c.ConventionNumber, TargetedCount = c.TargetedCount, RatifiedCount = c.Ratified.Count, PendingCount = c.Pending.Count,
            RatifiedCountries = { c.Ratified }, PendingCountries = { c.Pending },
        }));
        return response;
    }
}
