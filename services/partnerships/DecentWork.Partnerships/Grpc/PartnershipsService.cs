using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Maps proto requests to the Partner and FundingApproval aggregates and back; rules live in the
/// aggregates. Partner RPCs are in this file; approvals, reports and agreements in the other partial files.
/// </summary>
public sealed partial class PartnershipsService(
    IAggregateStore<Partner> partners, IAggregateStore<FundingApproval> approvals, IAggregateStore<Agreement> agreements,
    IAggregateStore<RbsaPool> rbsaPools, IAggregateStore<Project> projects,
    IAggregateStore<ProgrammeNeeds> programmeNeeds, IProjectionReader projections, TimeProvider clock,
    IAggregateStore<KnownCountryStatus> countryStatuses, FinanceStores finance)
    : Contract.PartnershipsService.PartnershipsServiceBase
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Partner> RegisterPartner(Contract.RegisterPartnerRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var name = request.Name.Trim();
        violations.Check(name.Length == 0, "name", "is required");
        violations.Check(name.Length > Partner.MaxNameLength, "name", $"must be at most {Partner.MaxNameLength} characters");
        violations.Check(request.Category == Contract.PartnerCategory.Unspecified || !Enum.IsDefined(request.Category),
            "category", "is required and must be a known partner category");
        violations.Check(!Enum.IsDefined(request.IatiOrganisationType), "iati_organisation_type", "is not a known IATI organisation type");
        var country = violations.OptionalCountry(request.CountryCode, "country_code");
        violations.ThrowIfAny();

        // Unspecified (0) lets the aggregate derive the type from the category.
        IatiOrganisationType? iatiType = request.IatiOrganisationType == 0 ? null : (IatiOrganisationType)request.IatiOrganisationType;
        var partner = Partner.Register(name, (PartnerCategory)request.Category, clock.GetUtcNow(), iatiType, country,
            Caller.From(context).Display);
        try
        {
            await partners.SaveAsync(partner, cancellationToken: context.CancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // The normalized name is the only unique key besides the fresh id, so this is the name.
            throw new AlreadyExistsException($"A partner named '{name}' is already registered (names are compared ignoring case, width and spacing).",
                "PARTNER_NAME_TAKEN", new Dictionary<string, string> { ["name_key"] = Partner.Normalize(name) });
        }
        return ToProto(partner);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.Partner> GetPartner(Contract.GetPartnerRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var scope = await ReadScopeAsync(context);
        var partner = scope.Visible(await partners.FindAsync(id, context.CancellationToken), scope.Partners)
            ?? throw new NotFoundException("Partner", request.Id);
        return ToProto(partner);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.ListPartnersResponse> ListPartners(Contract.ListPartnersRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.Check(!Enum.IsDefined(request.Category), "category", "is not a known partner category");
        violations.ThrowIfAny();

        // The zero category means "any": only a category the caller set narrows the query.
        var category = (PartnerCategory)request.Category;
        var scope = await ReadScopeAsync(context);
        var filter = Filter.All(scope.Partners, category == 0 ? null : p => p.Category == category);
        var (found, total, nextPageToken) = await partners.PageAsync(filter, new SortOrder<Partner>(p => p.SortKey), page, context.CancellationToken);
        var response = new Contract.ListPartnersResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.Partners.AddRange(found.Select(ToProto));
        return response;
    }

    internal static Contract.Partner ToProto(Partner partner) => new()
    {
        Id = partner.Id.ToString(),
        Name = partner.Name,
        Category = (Contract.PartnerCategory)partner.Category,
        RegisteredAt = ProtoConvert.ToTimestamp(partner.RegisteredAt),
        Version = partner.Version,
        IatiOrganisationType = (Contract.IatiOrganisationType)partner.IatiOrganisationType,
        CountryCode = partner.CountryCode ?? "",
    };
}
