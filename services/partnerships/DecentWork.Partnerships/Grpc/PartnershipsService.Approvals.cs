using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The funding-approval RPCs of <see cref="PartnershipsService"/>.</summary>
public sealed partial class PartnershipsService
{
    /// <summary>The only currency approvals are recorded in; the programming service totals US dollars.</summary>
    public const string Currency = "USD";

    public override async Task<Contract.FundingApproval> RecordFundingApproval(Contract.RecordFundingApprovalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = ProtoConvert.ToId(request.PartnerId);
        violations.Check(partnerId is null, "partner_id", "is required and must be a UUID");
        // Programmes belong to the programming service and are not checked here in this slice:
        // an approval for an unknown programme ends in that service's FundingApproved error queue.
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(programmeId is null, "programme_id", "is required and must be a UUID");
        var amount = CheckAmount(request.Amount, violations);
        violations.Check(!FundingApproval.IsValidYear(request.Year), "year",
            $"is required and must be {FundingApproval.FirstYear}-{FundingApproval.LastYear}");
        violations.ThrowIfAny();

        // The partner is referenced, not addressed, by this request: an unknown one is a
        // precondition the caller must meet first (register it), not a missing resource.
        var partner = await partners.FindAsync(partnerId!.Value, context.CancellationToken)
            ?? throw new DomainRuleException($"Partner '{request.PartnerId}' is not registered; register the partner before recording its approvals.");
        var approval = FundingApproval.Record(partner, programmeId!.Value, amount, request.Year, clock.GetUtcNow());
        await approvals.SaveAsync(approval, cancellationToken: context.CancellationToken);
        return ToProto(approval);
    }

    private static decimal CheckAmount(Google.Type.Money? money, FieldViolations violations)
    {
        if (!violations.Check(money is null, "amount", "is required")) return 0;
        if (!violations.Check(!ProtoConvert.IsWellFormed(money!), "amount", "is not a well-formed google.type.Money")) return 0;
        violations.Check(money!.CurrencyCode != Currency, "amount.currency_code", $"must be \"{Currency}\"");
        var amount = ProtoConvert.ToDecimal(money);
        violations.Check(amount <= 0, "amount", "must be greater than zero");
        return amount;
    }

    public override async Task<Contract.FundingApproval> GetFundingApproval(Contract.GetFundingApprovalRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var approval = await approvals.FindAsync(id, context.CancellationToken)
            ?? throw new NotFoundException("Funding approval", request.Id);
        return ToProto(approval);
    }

    public override async Task<Contract.ListFundingApprovalsResponse> ListFundingApprovals(Contract.ListFundingApprovalsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var partnerId = OptionalId(request.PartnerId, "partner_id", violations);
        var programmeId = OptionalId(request.ProgrammeId, "programme_id", violations);
        violations.Check(request.Year != 0 && !FundingApproval.IsValidYear(request.Year), "year",
            $"must be {FundingApproval.FirstYear}-{FundingApproval.LastYear} when set");
        violations.ThrowIfAny();

        var year = request.Year;
        var filter = Filter.All<FundingApproval>(
            partnerId is { } partner ? a => a.PartnerId == partner : null,
            programmeId is { } programme ? a => a.ProgrammeId == programme : null,
            year == 0 ? null : a => a.Year == year);
        var total = await approvals.CountAsync(filter, context.CancellationToken);
        var order = new SortOrder<FundingApproval>(a => a.SortKey, Descending: true);
        var found = await approvals.QueryAsync(filter, order, page.Skip, page.Size, context.CancellationToken);
        var response = new Contract.ListFundingApprovalsResponse { NextPageToken = page.NextToken(total), TotalSize = (int)total };
        response.FundingApprovals.AddRange(found.Select(ToProto));
        return response;
    }

    /// <summary>An empty filter id means "any"; anything else must be a UUID.</summary>
    private static Guid? OptionalId(string value, string field, FieldViolations violations)
    {
        if (value.Length == 0) return null;
        var id = ProtoConvert.ToId(value);
        violations.Check(id is null, field, "must be a UUID when set");
        return id;
    }

    internal static Contract.FundingApproval ToProto(FundingApproval approval) => new()
    {
        Id = approval.Id.ToString(),
        PartnerId = approval.PartnerId.ToString(),
        ProgrammeId = approval.ProgrammeId.ToString(),
        Amount = ProtoConvert.ToMoney(approval.AmountUsd, Currency),
        Year = approval.Year,
        RecordedAt = ProtoConvert.ToTimestamp(approval.RecordedAt),
    };
}
