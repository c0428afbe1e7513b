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
        var reviews = (await LoadAgreements(partnerId, ids, context.CancellationToken))
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

    /// <summary>The named agreements (unknown ids are skipped), or all of the scope, read in batches.</summary>
    private async Task<List<Agreement>> LoadAgreements(Guid? partnerId, List<Guid?> ids, CancellationToken cancellationToken)
    {
        var all = new List<Agreement>();
        if (ids.Count > 0)
        {
            foreach (var id in ids.Distinct())
                if (await agreements.FindAsync(id!.Value, cancellationToken) is { } found) all.Add(found);
            return all;
        }
        var filter = Filter.All<Agreement>(partnerId is { } p ? a => a.PartnerId == p : null);
        return await agreements.ReadAllAsync(filter, new SortOrder<Agreement>(a => a.SortKey), cancellationToken);
    }
}
