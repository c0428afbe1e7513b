using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>The region comparison: a few bucket ranges of three projections, folded by <see cref="RegionComparison.Compare"/>.</summary>
public sealed partial class KnowledgeService
{
    private static readonly string[] RegionProjections = ["region-programmes", "region-funding", "region-knowledge"];

    [Authorize(Policy = AccessPolicies.KnowledgeRead)]
    public override async Task<Contract.RegionComparisonReport> ReportRegionComparison(Contract.ReportRegionComparisonRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var region = KnowledgeItemMapping.ToDomain(request.Region);
        violations.Check(request.Region != Contract.Region.Unspecified && region is null, "region", "is not a region");
        violations.ThrowIfAny();

        var range = RegionComparison.RangeOf(region);
        var buckets = new List<ServiceDefaults.Storage.Bucket>();
        foreach (var projection in RegionProjections)
            buckets.AddRange(await projections.ReadAsync(projection, range, context.CancellationToken));
        var result = RegionComparison.Compare(region, buckets, ScopeOf(Caller.From(context)));

        var report = new Contract.RegionComparisonReport { Total = ToProto(result.Total) };
        report.Rows.AddRange(result.Rows.Select(ToProto));
        return report;
    }

    private static Contract.RegionComparisonRow ToProto(RegionComparisonRow row) => new()
    {
        CountryCode = row.CountryCode,
        Region = KnowledgeItemMapping.ToProto(row.Region == default ? null : row.Region),
        ProgrammeCount = (int)row.Programmes,
        OutcomeCount = (int)row.Outcomes,
        ResourceNeeds = ProtoConvert.ToMoney(row.NeedsUsd),
        FundingApproved = ProtoConvert.ToMoney(row.FundedUsd),
        FundingGap = ProtoConvert.ToMoney(row.GapUsd),
        FundedPercent = row.FundedPercent?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        GoodPracticeCount = (int)row.GoodPractices,
        LessonLearnedCount = (int)row.LessonsLearned,
    };
}
