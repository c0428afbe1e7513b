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

        var (from, to) = Years(request.StartYear, request.EndYear);
        var table = await AlignmentTableAsync(partnerId, ids, from, to, await ReadScopeAsync(context), context.CancellationToken);
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
    /// The table over the named agreements (read one by one: at most 200), or over all of the
    /// partner's (or every partner's) from the review buckets (<see cref="AgreementAlignmentTotals"/>),
    /// one per year, whatever the agreements and partners. Unknown ids are skipped, and
    /// so are agreements the caller may not read. The table over every partner's agreements is the
    /// Office-wide aggregate, which names no agreement and is open to partner agencies too; a table
    /// of named agreements or of one partner's is that partner's business, so a partner agency gets
    /// its own only (another partner's reads as an unknown one: empty).
    /// </summary>
    private async Task<AlignmentTable> AlignmentTableAsync(Guid? partnerId, List<Guid?> ids, int from, int to, ReadScope scope,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return partnerId is { } p && !scope.SeesPartner(p) ? AlignmentTable.Of([])
                : AgreementAlignmentTotals.Table(await projections.ReadAsync(AgreementAlignmentTotals.ProjectionName,
                    AgreementAlignmentTotals.Between(partnerId, from, to), cancellationToken));
        var named = new List<AlignmentReview>();
        foreach (var id in ids.Distinct())
            if (scope.Visible(await agreements.FindAsync(id!.Value, cancellationToken), scope.Agreements) is { } found
                && (partnerId is null || found.PartnerId == partnerId) && found.AlignmentReview is { } review
                && review.ReviewDate.Year >= from && review.ReviewDate.Year <= to)
                named.Add(review);
        return AlignmentTable.Of(named);
    }
}
