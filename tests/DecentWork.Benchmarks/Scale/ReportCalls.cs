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
        return calls;
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
