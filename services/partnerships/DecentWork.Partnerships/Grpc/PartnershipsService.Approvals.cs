using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The funding-approval RPCs of <see cref="PartnershipsService"/>.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.FundingApproval> RecordFundingApproval(Contract.RecordFundingApprovalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = ProtoConvert.ToId(request.PartnerId);
        violations.Check(partnerId is null, "partner_id", "is required and must be a UUID");
        var amount = FundingApprovalInput.Usd(request.Amount, "amount", violations);
        var allocations = FundingApprovalInput.Allocations(request.Allocations, violations);
        var programmeId = FundingApprovalInput.OptionalId(request.ProgrammeId, "programme_id", violations);
        var source = request.Source == 0 ? (FundingSource?)null : (FundingSource)request.Source;
        violations.Check(request.ProgrammeId.Length == 0 && !FundingApprovalRules.HasADestination(null, allocations.Count, source), "programme_id",
            "is required when there are no allocations (except for RBSA money)");
        for (var i = 0; i < allocations.Count; i++)
            violations.Check(!FundingApprovalRules.AllocationsFitTheProgramme(programmeId, [allocations[i]]), $"allocations[{i}].programme_id",
                "must be empty or equal programme_id: an approval for one programme counts in full for it");
        var (year, date) = CheckYearAndDate(request, violations);
        decimal? original = request.OriginalAmount is null ? null : FundingApprovalInput.Money(request.OriginalAmount, "original_amount", violations);
        violations.Check(request.OriginalAmount is { } o && !FundingApprovalInput.IsCurrencyCode(o.CurrencyCode),
            "original_amount.currency_code", "must be an ISO 4217 code, e.g. \"EUR\"");
        violations.Check(!Enum.IsDefined(request.Source), "source", "is not a known funding source");
        violations.Check(!Enum.IsDefined(request.Earmarking), "earmarking", "is not a known earmarking category");
        var earmarking = request.Earmarking == 0 ? (Earmarking?)null : (Earmarking)request.Earmarking;
        violations.Check(!FundingApprovalRules.RbsaIsUnearmarked(source, earmarking), "earmarking", "must be unearmarked (or unset) for RBSA money");
        violations.Check(!Enum.IsDefined(request.MobilisedBy), "mobilised_by", "is not a known value");
        var agreementId = FundingApprovalInput.OptionalId(request.AgreementId, "agreement_id", violations);
        // Only meaningful when the amount and every allocation amount were valid on their own
        // (an invalid one reads as 0); other fields' violations are listed alongside.
        var amountsValid = amount > 0 && allocations.All(a => a.AmountUsd > 0);
        violations.Check(amountsValid && allocations.Count > 0 && !FundingApprovalRules.AddUpTo(amount, allocations), "allocations",
            $"add up to {FundingApprovalRules.Sum(allocations)} USD; they must add up exactly to amount ({amount} USD)");
        CheckRequestId(request.RequestId, violations);
        violations.ThrowIfAny();

        var terms = new FundingTerms(programmeId, allocations, date, original, request.OriginalAmount?.CurrencyCode, source, earmarking,
            (MobilisedBy)request.MobilisedBy, agreementId, request.RequestId);
        // A retry is answered before the preconditions, which may have changed since the first call
        // (an outcome withdrawn meanwhile): the money was recorded then, and that is the answer.
        if (await FindByRequestIdAsync(request.RequestId, context.CancellationToken) is { } recorded)
            return ToProto(recorded.AnswerRepeat(partnerId!.Value, amount, year, terms));

        // The partner is referenced, not addressed, by this request: an unknown one is a
        // precondition the caller must meet first (register it), not a missing resource.
        var partner = await partners.FindAsync(partnerId!.Value, context.CancellationToken)
            ?? throw new DomainRuleException($"Partner '{request.PartnerId}' is not registered; register the partner before recording its approvals.");
        await CheckAgreement(agreementId, partner, context.CancellationToken);
        await CheckTargets(terms, context.CancellationToken);
        var approval = FundingApproval.Record(partner, amount, year, terms, clock.GetUtcNow(), changedBy: Caller.From(context).Display);
        return ToProto(await SaveOnceAsync(approval, terms, context.CancellationToken));
    }

    /// <summary>A named agreement must exist and be the approving partner's, like the partner itself.</summary>
    private async Task CheckAgreement(Guid? agreementId, Partner partner, CancellationToken cancellationToken)
    {
        if (agreementId is not { } id) return;
        var agreement = await agreements.FindAsync(id, cancellationToken)
            ?? throw new DomainRuleException($"Agreement '{id}' is not registered; register it under the partner first.");
        if (agreement.PartnerId != partner.Id)
            throw new DomainRuleException($"Agreement '{id}' is with another partner, not '{partner.Name}'.");
    }

    /// <summary>
    /// Programmes and outcomes belong to the programming service, which faults an approval naming a
    /// programme it never registered into its error queue: so they must be ones programming
    /// announced to this service (FAILED_PRECONDITION otherwise, retried by a caller who has just
    /// registered or approved the programme), and an allocation's country must be its programme's.
    /// </summary>
    private async Task CheckTargets(FundingTerms terms, CancellationToken cancellationToken)
    {
        var targets = await LoadTargets(FundingTargets.ProgrammesNamed(terms), FundingTargets.OutcomesNamedAlone(terms), cancellationToken);
        targets.CheckProgrammesKnown(terms);
        targets.CheckOutcomesFundable(terms);
        targets.TakeObjectivesFromOutcomes(terms);
        var violations = new FieldViolations();
        for (var i = 0; i < terms.Allocations.Count; i++)
        {
            var allocation = terms.Allocations[i];
            if (targets.CountryFits(allocation, terms)) continue;
            var programme = targets.CountryProgramme(allocation, terms)!;
            violations.Add($"allocations[{i}].country_code",
                $"is {allocation.CountryCode}, but programme '{programme.Id}' is for {programme.CountryCode}: name the programme's country or leave it empty");
        }
        violations.ThrowIfAny();
    }

    /// <summary>The views of the programmes named, and of the programmes holding the outcomes named without one.</summary>
    private async Task<FundingTargets> LoadTargets(IEnumerable<Guid> programmeIds, IEnumerable<Guid> outcomeIds, CancellationToken cancellationToken)
    {
        var known = new List<ProgrammeNeeds>();
        foreach (var programmeId in programmeIds)
            if (await programmeNeeds.FindAsync(programmeId, cancellationToken) is { } programme) known.Add(programme);
        foreach (var outcomeId in outcomeIds)
            known.AddRange(await programmeNeeds.QueryAsync(p => p.Outcomes.Select(o => o.OutcomeId).Any(id => id == outcomeId),
                new SortOrder<ProgrammeNeeds>(p => p.Id), 0, 1, cancellationToken));
        return new FundingTargets(known);
    }

    /// <summary>The year may be left 0 when a date is given; when both are given they must agree.</summary>
    private static (int Year, DateOnly? Date) CheckYearAndDate(Contract.RecordFundingApprovalRequest request, FieldViolations violations)
    {
        var date = ProtoConvert.ToDateOnly(request.ApprovalDate);
        violations.Check(request.ApprovalDate is not null && date is null, "approval_date", "is not a real calendar date");
        var year = request.Year == 0 && date is { } d ? d.Year : request.Year;
        if (violations.Check(!FundingApproval.IsValidYear(year), "year",
                $"is required (or approval_date) and must be {FundingApproval.FirstYear}-{FundingApproval.LastYear}"))
            violations.Check(date is { } set && set.Year != year, "approval_date", $"must be in the approval year {year}");
        return (year, date);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.FundingApproval> GetFundingApproval(Contract.GetFundingApprovalRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var scope = await ReadScopeAsync(context);
        var approval = scope.Visible(await approvals.FindAsync(id, context.CancellationToken), scope.Approvals)
            ?? throw new NotFoundException("Funding approval", request.Id);
        return ToProto(approval);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.ListFundingApprovalsResponse> ListFundingApprovals(Contract.ListFundingApprovalsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var partnerId = FundingApprovalInput.OptionalId(request.PartnerId, "partner_id", violations);
        var programmeId = FundingApprovalInput.OptionalId(request.ProgrammeId, "programme_id", violations);
        violations.Check(request.Year != 0 && !FundingApproval.IsValidYear(request.Year), "year",
            $"must be {FundingApproval.FirstYear}-{FundingApproval.LastYear} when set");
        CheckRequestId(request.RequestId, violations);
        violations.ThrowIfAny();

        var year = request.Year;
        var requestKey = FundingApproval.KeyOfRequest(request.RequestId);
        var scope = await ReadScopeAsync(context);
        var filter = Filter.All(
            scope.Approvals,
            partnerId is { } partner ? a => a.PartnerId == partner : null,
            programmeId is { } programme ? a => a.ProgrammeId == programme : null,
            year == 0 ? null : a => a.Year == year,
            request.RequestId.Length == 0 ? null : a => a.RequestKey == requestKey);
        var order = new SortOrder<FundingApproval>(a => a.SortKey, Descending: true);
        var (found, total, nextPageToken) = await approvals.PageAsync(filter, order, page, context.CancellationToken);
        var response = new Contract.ListFundingApprovalsResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.FundingApprovals.AddRange(found.Select(ToProto));
        return response;
    }

    internal static Contract.FundingApproval ToProto(FundingApproval approval)
    {
        var proto = new Contract.FundingApproval
        {
            Id = approval.Id.ToString(),
            PartnerId = approval.PartnerId.ToString(),
            ProgrammeId = approval.ProgrammeId == Guid.Empty ? "" : approval.ProgrammeId.ToString(),
            Amount = ProtoConvert.ToMoney(approval.AmountUsd, FundingApproval.Usd),
            Year = approval.Year,
            RecordedAt = ProtoConvert.ToTimestamp(approval.RecordedAt),
            ApprovalDate = approval.ApprovalDate is { } date ? ProtoConvert.ToDate(date) : null,
            // Approvals stored before the original currency was recorded were in US dollars.
            OriginalAmount = approval.OriginalAmount > 0
                ? ProtoConvert.ToMoney(approval.OriginalAmount, approval.OriginalCurrency)
                : ProtoConvert.ToMoney(approval.AmountUsd, FundingApproval.Usd),
            Source = (Contract.FundingSource)approval.Source,
            Earmarking = (Contract.Earmarking)approval.Earmarking,
            MobilisedBy = (Contract.MobilisedBy)approval.MobilisedBy,
            AgreementId = approval.AgreementId?.ToString() ?? "",
            RequestId = approval.RequestId,
            Version = approval.Version,
            Status = approval.IsCancelled() ? Contract.FundingApprovalStatus.Cancelled : Contract.FundingApprovalStatus.Active,
            Revision = approval.CurrentRevision(),
        };
        proto.Allocations.AddRange(approval.Allocations.Select(FundingApprovalInput.ToProto));
        proto.Corrections.AddRange(approval.Corrections.Select(c => new Contract.FundingApprovalCorrection
        {
            Revision = c.Revision,
            Kind = (Contract.FundingApprovalCorrectionKind)(int)c.Kind,
            Reason = c.Reason,
            ChangedBy = c.ChangedBy,
            ChangedAt = ProtoConvert.ToTimestamp(c.ChangedAt),
            PreviousAmount = ProtoConvert.ToMoney(c.PreviousAmountUsd, FundingApproval.Usd),
        }));
        return proto;
    }
}
