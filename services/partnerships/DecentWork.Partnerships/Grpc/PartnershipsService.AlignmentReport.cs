using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The alignment review table over a set of agreements.</summary>
public sealed partial class PartnershipsService
{
    private const int MaxReportAgreements = 200;

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.AgreementAlignmentReport> ReportAgreementAlignment(Contract.ReportAgreementAlignmentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var partnerId = PartnerScope(request.PartnerId, violations);
        violations.Check(request.AgreementIds.Count > MaxReportAgreements, "agreement_ids", $"must hold at most {MaxReportAgreements} ids");
        var ids = request.AgreementIds.Select((id, i) => FundingApprovalInput.OptionalId(id, $"agreement_ids[{i}]", violations)).ToList();
        violations.Check(ids.Any(id => id is null), "agreement_ids", "must not hold empty ids");
        CheckPeriod(request.StartYear, request.EndYear, violations);
        violations.ThrowIfAny();

        var from = request.StartYear == 0 ? FundingApproval.FirstYear : request.StartYear;
        var to = request.EndYear == 0 ? FundingApproval.LastYear : request.EndYear;
        var reviews = (await LoadAgreements(partnerId, ids, await ReadScopeAsync(context), context.CancellationToken))
            .Where(a => partnerId is null || a.PartnerId == partnerId)
            .Select(a => a.AlignmentReview)
            .OfType<AlignmentReview>()
            .Where(r => r.ReviewDate.Year >= from && r.ReviewDate.Year <= to);
        var table = AlignmentTable.Of(reviews);
        return new Contract.AgreementAlignmentReport
        {
            ReviewedCount = table.Reviewed,
            StrategicPriorities = table.StrategicPriorities,
            ProgrammingCycles = table.ProgrammingCycles,
            PredictableFunding = table.PredictableFunding,
            HarmonisedReporting = table.HarmonisedReporting,
            CommonPrinciples = table.CommonPrinciples,
        };
    }

    /// <summary>
    /// The named agreements, or all of the partner's (or every partner's), read in batches. Unknown
    /// ids are skipped, and so are agreements the caller may not read. The table over every
    /// partner's agreements is the Office-wide aggregate, which names no agreement and is open to
    /// partner agencies too; a table of named agreements or of one partner's is that partner's
    /// business, so a partner agency gets its own only (another partner's reads as an unknown one: empty).
    /// </summary>
    private async Task<List<Agreement>> LoadAgreements(Guid? partnerId, List<Guid?> ids, ReadScope scope, CancellationToken cancellationToken)
    {
        var all = new List<Agreement>();
        if (ids.Count > 0)
        {
            foreach (var id in ids.Distinct())
                if (scope.Visible(await agreements.FindAsync(id!.Value, cancellationToken), scope.Agreements) is { } found) all.Add(found);
            return all;
        }
        var filter = partnerId is { } p ? Filter.All(scope.Agreements, a => a.PartnerId == p) : Filter.All<Agreement>();
        return await agreements.ReadAllAsync(filter, new SortOrder<Agreement>(a => a.SortKey), cancellationToken);
    }
}
