using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The agreement RPCs, under /v1/partners/{partner_id}/agreements ("-" = any partner, AIP-159).</summary>
public sealed partial class PartnershipsService
{
    private const string AnyPartner = "-";
    private const int MaxNoteLength = 2000;

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Agreement> RegisterAgreement(Contract.RegisterAgreementRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = ProtoConvert.ToId(request.PartnerId);
        violations.Check(partnerId is null, "partner_id", "is required and must be a UUID");
        var title = request.Title.Trim();
        violations.Check(title.Length is 0 or > Agreement.MaxTitleLength, "title", $"is required, 1-{Agreement.MaxTitleLength} characters");
        violations.Check(request.Kind == 0 || !Enum.IsDefined(request.Kind), "kind", "is required and must be a known agreement kind");
        var start = ProtoConvert.ToDateOnly(request.StartDate);
        var end = ProtoConvert.ToDateOnly(request.EndDate);
        violations.Check(start is null, "start_date", "is required and must be a real calendar date");
        if (violations.Check(end is null, "end_date", "is required and must be a real calendar date"))
            violations.Check(start is not null && end < start, "end_date", "must not be before start_date");
        var pledged = FundingApprovalInput.Money(request.PledgedAmount, "pledged_amount", violations);
        violations.Check(request.PledgedAmount is { } m && !FundingApprovalInput.IsCurrencyCode(m.CurrencyCode),
            "pledged_amount.currency_code", "must be an ISO 4217 code, e.g. \"NOK\"");
        violations.Check(request.Earmarking == 0 || !Enum.IsDefined(request.Earmarking), "earmarking", "is required and must be a known earmarking category");
        violations.Check(request.ThematicProvisions.Any(p => p == 0 || !Enum.IsDefined(p)), "thematic_provisions", "must all be known thematic provisions");
        violations.ThrowIfAny();

        var partner = await partners.FindAsync(partnerId!.Value, context.CancellationToken)
            ?? throw new DomainRuleException($"Partner '{request.PartnerId}' is not registered; register the partner before its agreements.");
        var agreement = Agreement.Register(partner, title, (AgreementKind)request.Kind, start!.Value, end!.Value, pledged,
            request.PledgedAmount.CurrencyCode, (Earmarking)request.Earmarking,
            request.ThematicProvisions.Select(p => (ThematicProvision)p), clock.GetUtcNow());
        await agreements.SaveAsync(agreement, cancellationToken: context.CancellationToken);
        return AgreementMapping.ToProto(agreement);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.Agreement> GetAgreement(Contract.GetAgreementRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.ThrowIfAny();
        var scope = await ReadScopeAsync(context);
        return AgreementMapping.ToProto(await FindAgreement(partnerId, id!.Value, scope, context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.ListAgreementsResponse> ListAgreements(Contract.ListAgreementsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var scope = await ReadScopeAsync(context);
        var filter = Filter.All(scope.Agreements, partnerId is { } p ? a => a.PartnerId == p : null);
        var (found, total, nextPageToken) = await agreements.PageAsync(filter, new SortOrder<Agreement>(a => a.SortKey, Descending: true), page, context.CancellationToken);
        var response = new Contract.ListAgreementsResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.Agreements.AddRange(found.Select(AgreementMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Agreement> ReviewAgreementAlignment(Contract.ReviewAgreementAlignmentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var review = new AlignmentReview
        {
            StrategicPriorities = Finding(request.StrategicPriorities, "strategic_priorities", violations),
            ProgrammingCycles = Finding(request.ProgrammingCycles, "programming_cycles", violations),
            PredictableFunding = Finding(request.PredictableFunding, "predictable_funding", violations),
            HarmonisedReporting = Finding(request.HarmonisedReporting, "harmonised_reporting", violations),
            CommonPrinciples = Finding(request.CommonPrinciples, "common_principles", violations),
            // The reviewer is whoever records the review; the deprecated request field is ignored.
            Reviewer = Caller.From(context).Display,
            ReviewDate = ProtoConvert.ToDateOnly(request.ReviewDate) ?? default,
        };
        violations.Check(review.ReviewDate == default, "review_date", "is required and must be a real calendar date");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        return await ChangeAgreement(partnerId, id!.Value, request.ExpectedVersion, a => a.ReviewAlignment(review, Today()), context.CancellationToken);
    }

    private static AlignmentFinding? Finding(Contract.AlignmentFinding? input, string field, FieldViolations violations)
    {
        if (!violations.Check(input is null, field, "is required")) return null;
        violations.Check(input!.Note.Length > MaxNoteLength, $"{field}.note", $"must be at most {MaxNoteLength} characters");
        return new AlignmentFinding { Met = input.Met, Note = input.Note.Trim() };
    }

    /// <summary>"-" (any partner) is null; anything else must be a partner UUID.</summary>
    private static Guid? PartnerScope(string value, FieldViolations violations)
    {
        if (value == AnyPartner) return null;
        var id = ProtoConvert.ToId(value);
        violations.Check(id is null, "partner_id", "must be a UUID or \"-\"");
        return id;
    }

    /// <summary>
    /// An agreement of another partner is not found under this one, nor one outside the caller's
    /// scope. Changes pass <see cref="ReadScope.Everything"/>: only programme staff may make them
    /// (the write policy), and they see everything.
    /// </summary>
    private async Task<Agreement> FindAgreement(Guid? partnerId, Guid id, ReadScope scope, CancellationToken cancellationToken)
    {
        var agreement = scope.Visible(await agreements.FindAsync(id, cancellationToken), scope.Agreements);
        return agreement is not null && (partnerId is null || agreement.PartnerId == partnerId)
            ? agreement
            : throw new NotFoundException("Agreement", id);
    }
}
