using Grpc.Core;
using PartnershipsApi = DecentWork.Contracts.Partnerships.V1;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;
using TrainingApi = DecentWork.Contracts.Training.V1;

namespace DecentWork.Benchmarks.Scale;

/// <summary>One report RPC with a fixed request, named as the README tables name it.</summary>
internal sealed record ReportCall(string Name, Func<CallInvoker, CallOptions, Task> Invoke);

/// <summary>
/// Every report RPC of each generated service, over the whole generated period. Requests ask for
/// the first page where the report pages (the totals still cover every row).
/// </summary>
internal static partial class ReportCalls
{
    public static IReadOnlyList<ReportCall> Partnerships()
    {
        var calls = Enum.GetValues<PartnershipsApi.FundingApprovalGrouping>().Where(g => g != PartnershipsApi.FundingApprovalGrouping.Unspecified)
            .Select(g => new ReportCall($"ReportFundingApprovals by {g}", (invoker, options) =>
                new PartnershipsApi.PartnershipsService.PartnershipsServiceClient(invoker).ReportFundingApprovalsAsync(
                    new PartnershipsApi.ReportFundingApprovalsRequest { GroupBy = g, StartYear = 1995, EndYear = 2025 }, options).ResponseAsync))
            .ToList();
        calls.Add(new("ReportFieldOfficeShare", (invoker, options) => new PartnershipsApi.PartnershipsService.PartnershipsServiceClient(invoker)
            .ReportFieldOfficeShareAsync(new PartnershipsApi.ReportFieldOfficeShareRequest { StartYear = 1995, EndYear = 2025 }, options).ResponseAsync));
        calls.Add(new("ReportAfricaShare", (invoker, options) => new PartnershipsApi.PartnershipsService.PartnershipsServiceClient(invoker)
            .ReportAfricaShareAsync(new PartnershipsApi.ReportAfricaShareRequest { StartYear = 1995, EndYear = 2025 }, options).ResponseAsync));
        calls.Add(new("ReportProjectLinkage", (invoker, options) => new PartnershipsApi.PartnershipsService.PartnershipsServiceClient(invoker)
            .ReportProjectLinkageAsync(new PartnershipsApi.ReportProjectLinkageRequest { StartYear = 1995, EndYear = 2025 }, options).ResponseAsync));
        calls.AddRange(PartnershipsProjectReports());
        return calls;
    }

    /// <summary>
    /// The partnerships reports over projects, agreements, finance and one programme's gap, each as
    /// a user would ask: a recent period, and once with a country group where the report takes one.
    /// </summary>
    private static IEnumerable<ReportCall> PartnershipsProjectReports()
    {
        static PartnershipsApi.PartnershipsService.PartnershipsServiceClient Client(CallInvoker invoker) => new(invoker);
        const DecentWork.Contracts.Common.V1.CountryGroup leastDeveloped = DecentWork.Contracts.Common.V1.CountryGroup.LeastDeveloped;
        yield return new("ReportProjectLinkage, least developed countries", (invoker, options) => Client(invoker).ReportProjectLinkageAsync(
            new PartnershipsApi.ReportProjectLinkageRequest { StartYear = 2016, EndYear = 2025, CountryGroup = leastDeveloped }, options).ResponseAsync);
        yield return new("ReportProjectsByPolicyMarker", (invoker, options) => Client(invoker).ReportProjectsByPolicyMarkerAsync(
            new PartnershipsApi.ReportProjectsByPolicyMarkerRequest { StartYear = 2016, EndYear = 2025 }, options).ResponseAsync);
        yield return new("ReportProjectsByPolicyMarker, least developed countries", (invoker, options) => Client(invoker).ReportProjectsByPolicyMarkerAsync(
            new PartnershipsApi.ReportProjectsByPolicyMarkerRequest { StartYear = 2016, EndYear = 2025, CountryGroup = leastDeveloped }, options).ResponseAsync);
        yield return new("ReportProjectsBySdgGoal", (invoker, options) => Client(invoker).ReportProjectsBySdgGoalAsync(
            new PartnershipsApi.ReportProjectsBySdgGoalRequest { StartYear = 2016, EndYear = 2025 }, options).ResponseAsync);
        yield return new("ReportAgreementAlignment", (invoker, options) => Client(invoker).ReportAgreementAlignmentAsync(
            new PartnershipsApi.ReportAgreementAlignmentRequest { PartnerId = "-", StartYear = 1995, EndYear = 2025 }, options).ResponseAsync);
        yield return new("ReportFundingGrowth by partner, 2024", (invoker, options) => Client(invoker).ReportFundingGrowthAsync(
            new PartnershipsApi.ReportFundingGrowthRequest { Year = 2024, GroupBy = PartnershipsApi.FundingApprovalGrouping.Partner }, options).ResponseAsync);
        yield return new("ReportFundingGrowth by region, 2024", (invoker, options) => Client(invoker).ReportFundingGrowthAsync(
            new PartnershipsApi.ReportFundingGrowthRequest { Year = 2024, GroupBy = PartnershipsApi.FundingApprovalGrouping.Region }, options).ResponseAsync);
        yield return new("ReportDelivery by country", (invoker, options) => Client(invoker).ReportDeliveryAsync(
            new PartnershipsApi.ReportDeliveryRequest { GroupBy = PartnershipsApi.DeliveryGrouping.Country, StartYear = 2016, EndYear = 2025 }, options).ResponseAsync);
        yield return new("ReportDelivery by region", (invoker, options) => Client(invoker).ReportDeliveryAsync(
            new PartnershipsApi.ReportDeliveryRequest { GroupBy = PartnershipsApi.DeliveryGrouping.Region, StartYear = 2016, EndYear = 2025 }, options).ResponseAsync);
        foreach (var (name, grouping) in new[] { ("partner", PartnershipsApi.DeliveryGrouping.Partner), ("year", PartnershipsApi.DeliveryGrouping.Year),
            ("country and year", PartnershipsApi.DeliveryGrouping.CountryYear) })
            yield return new($"ReportDelivery by {name}", (invoker, options) => Client(invoker).ReportDeliveryAsync(
                new PartnershipsApi.ReportDeliveryRequest { GroupBy = grouping, StartYear = 2016, EndYear = 2025 }, options).ResponseAsync);
        yield return new("ReportExpenditureGrowth, 2024", (invoker, options) => Client(invoker).ReportExpenditureGrowthAsync(
            new PartnershipsApi.ReportExpenditureGrowthRequest { Year = 2024 }, options).ResponseAsync);
        yield return new("ReportProjectParticipation", (invoker, options) => Client(invoker).ReportProjectParticipationAsync(
            new PartnershipsApi.ReportProjectParticipationRequest { StartYear = 2016, EndYear = 2025 }, options).ResponseAsync);
        yield return new("ReportProjectParticipation, 1995-2025", (invoker, options) => Client(invoker).ReportProjectParticipationAsync(
            new PartnershipsApi.ReportProjectParticipationRequest { StartYear = 1995, EndYear = 2025 }, options).ResponseAsync);
        yield return new("GetFundingGap (one programme)", (invoker, options) => Client(invoker).GetFundingGapAsync(
            new PartnershipsApi.GetFundingGapRequest { ProgrammeId = Generators.FundedProgrammeId.ToString(), StartYear = 1995, EndYear = 2025 }, options).ResponseAsync);
    }

    public static IReadOnlyList<ReportCall> Training(string courseId) =>
    [
        new("GetParticipantReport", (invoker, options) => new TrainingApi.TrainingService.TrainingServiceClient(invoker)
            .GetParticipantReportAsync(new TrainingApi.GetParticipantReportRequest { FromYear = 2000, ToYear = 2025 }, options).ResponseAsync),
        new("GetCourseParticipantReport", (invoker, options) => new TrainingApi.TrainingService.TrainingServiceClient(invoker)
            .GetCourseParticipantReportAsync(new TrainingApi.GetCourseParticipantReportRequest { CourseId = courseId, FromYear = 2000, ToYear = 2025 }, options).ResponseAsync),
        new("GetFellowshipReport", (invoker, options) => new TrainingApi.TrainingService.TrainingServiceClient(invoker)
            .GetFellowshipReportAsync(new TrainingApi.GetFellowshipReportRequest { FromYear = 2000, ToYear = 2025 }, options).ResponseAsync),
        new("GetLinkedTrainingReport", (invoker, options) => new TrainingApi.TrainingService.TrainingServiceClient(invoker)
            .GetLinkedTrainingReportAsync(new TrainingApi.GetLinkedTrainingReportRequest { FromYear = 2000, ToYear = 2025 }, options).ResponseAsync),
    ];

    public static IReadOnlyList<ReportCall> Programming(string programmeId) =>
    [
        new("ReportProgrammesByStatus", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportProgrammesByStatusAsync(new ProgrammingApi.ReportProgrammesByStatusRequest(), options).ResponseAsync),
        new("ReportOutcomesByStrategicObjective", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportOutcomesByStrategicObjectiveAsync(new ProgrammingApi.ReportOutcomesByStrategicObjectiveRequest(), options).ResponseAsync),
        new("ReportConsultationParticipation", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportConsultationParticipationAsync(new ProgrammingApi.ReportConsultationParticipationRequest(), options).ResponseAsync),
        new("ReportFundingGaps (first page of 50)", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportFundingGapsAsync(new ProgrammingApi.ReportFundingGapsRequest { PageSize = 50 }, options).ResponseAsync),
        new("ReportTrainingByProgramme (first page of 50)", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportTrainingByProgrammeAsync(new ProgrammingApi.ReportTrainingByProgrammeRequest { PageSize = 50 }, options).ResponseAsync),
        new("ReportOutcomesByPolicyMarker", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportOutcomesByPolicyMarkerAsync(new ProgrammingApi.ReportOutcomesByPolicyMarkerRequest(), options).ResponseAsync),
        new("ReportOutcomesBySdgGoal", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportOutcomesBySdgGoalAsync(new ProgrammingApi.ReportOutcomesBySdgGoalRequest(), options).ResponseAsync),
        new("ReportRatificationTargets", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportRatificationTargetsAsync(new ProgrammingApi.ReportRatificationTargetsRequest(), options).ResponseAsync),
        new("ReportOutcomeResults (one programme)", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportOutcomeResultsAsync(new ProgrammingApi.ReportOutcomeResultsRequest { ProgrammeId = programmeId }, options).ResponseAsync),
        new("ReportIndicatorProgress (one programme)", (invoker, options) => new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker)
            .ReportIndicatorProgressAsync(new ProgrammingApi.ReportIndicatorProgressRequest { ProgrammeId = programmeId }, options).ResponseAsync),
    ];
}
