using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>The region comparison: a few bucket ranges of four projections, folded by <see cref="RegionComparison.Compare"/>.</summary>
public sealed partial class KnowledgeService
{
    private static readonly string[] RegionProjections = ["region-programmes", "region-funding", "region-knowledge", "region-finance"];

    private const int FirstYear = 1990, LastYear = 2100;

    [Authorize(Policy = AccessPolicies.KnowledgeRead)]
    public override async Task<Contract.RegionComparisonReport> ReportRegionComparison(Contract.ReportRegionComparisonRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var region = KnowledgeItemMapping.ToDomain(request.Region);
        violations.Check(request.Region != Contract.Region.Unspecified && region is null, "region", "is not a region");
        violations.Check(request.Year != 0 && request.Year is < FirstYear or > LastYear, "year", $"must be {FirstYear}-{LastYear} (0: every year)");
        var inGroup = CountryGroupRegistration.FilterFrom(request.CountryGroup, request.CountryGroupOn, violations);
        violations.ThrowIfAny();

        var range = RegionComparison.RangeOf(region);
        var buckets = new List<Bucket>();
        foreach (var projection in RegionProjections)
            buckets.AddRange(await projections.ReadAsync(projection, range, context.CancellationToken));
        if (inGroup is not null)
            buckets = await InCountryGroupAsync(buckets, inGroup, request.Year, context.CancellationToken);
        var result = RegionComparison.Compare(region, buckets, ScopeOf(Caller.From(context)), request.Year == 0 ? null : request.Year);

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
        FundedPercent = Percent(row.FundedPercent),
        GoodPracticeCount = (int)row.GoodPractices,
        LessonLearnedCount = (int)row.LessonsLearned,
        Budget = ProtoConvert.ToMoney(row.BudgetUsd),
        Expenditure = ProtoConvert.ToMoney(row.ExpenditureUsd),
        DeliveryPercent = Percent(row.DeliveryPercent),
        PreviousExpenditure = ProtoConvert.ToMoney(row.PreviousExpenditureUsd),
        ExpenditureChangePercent = Percent(row.ExpenditureChangePercent),
    };

    private static string Percent(decimal? percent) => percent?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
