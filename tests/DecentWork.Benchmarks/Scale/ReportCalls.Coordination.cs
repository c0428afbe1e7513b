using Grpc.Core;
using CoordinationApi = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Benchmarks.Scale;

/// <summary>Every coordination report, summary and coverage list, first page where it pages.</summary>
internal static partial class ReportCalls
{
    public static IReadOnlyList<ReportCall> Coordination() =>
    [
        new("ListCountryCoverage (first page of 50)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListCountryCoverageAsync(new CoordinationApi.ListCountryCoverageRequest { PageSize = 50 }, options).ResponseAsync),
        new("ListCountryCoherence (first page of 50)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListCountryCoherenceAsync(new CoordinationApi.ListCountryCoherenceRequest { PageSize = 50 }, options).ResponseAsync),
        new("ListDecentWorkGaps (first page of 50)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListDecentWorkGapsAsync(new CoordinationApi.ListDecentWorkGapsRequest { PageSize = 50 }, options).ResponseAsync),
        new("ListCountryCoverage (first page of 50, counts only)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListCountryCoverageAsync(new CoordinationApi.ListCountryCoverageRequest { PageSize = 50, OmitProgrammeIds = true }, options).ResponseAsync),
        new("ListCountryCoherence (first page of 50, counts only)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListCountryCoherenceAsync(new CoordinationApi.ListCountryCoherenceRequest { PageSize = 50, OmitProgrammeIds = true }, options).ResponseAsync),
        new("ListDecentWorkGaps (first page of 50, counts only)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListDecentWorkGapsAsync(new CoordinationApi.ListDecentWorkGapsRequest { PageSize = 50, OmitProgrammeIds = true }, options).ResponseAsync),
        new("ListCountryProgrammes (TZA, first page of 50)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .ListCountryProgrammesAsync(new CoordinationApi.ListCountryProgrammesRequest { CountryCode = "TZA", PageSize = 50 }, options).ResponseAsync),
        new("SummariseJointProgrammes", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .SummariseJointProgrammesAsync(new CoordinationApi.SummariseJointProgrammesRequest(), options).ResponseAsync),
        new("SummariseJointProgrammes (one fund)", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .SummariseJointProgrammesAsync(new CoordinationApi.SummariseJointProgrammesRequest { Fund = "mdg-f" }, options).ResponseAsync),
        new("SummariseDeliveringAsOnePilots", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .SummariseDeliveringAsOnePilotsAsync(new CoordinationApi.SummariseDeliveringAsOnePilotsRequest(), options).ResponseAsync),
        new("SummariseToolkitAssessments", (invoker, options) => new CoordinationApi.CoordinationService.CoordinationServiceClient(invoker)
            .SummariseToolkitAssessmentsAsync(new CoordinationApi.SummariseToolkitAssessmentsRequest(), options).ResponseAsync),
        new("ReportRegionComparison (Africa, 2020)", (invoker, options) => new CoordinationApi.KnowledgeService.KnowledgeServiceClient(invoker)
            .ReportRegionComparisonAsync(new CoordinationApi.ReportRegionComparisonRequest { Region = CoordinationApi.Region.Africa, Year = 2020 }, options).ResponseAsync),
    ];
}
