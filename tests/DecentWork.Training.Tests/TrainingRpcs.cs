using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;

namespace DecentWork.Training.Tests;

/// <summary>Every RPC of the service with the policy it is meant to name (see <see cref="ServiceRpc{TClient}"/>).</summary>
public sealed class TrainingRpcs : IServiceRpcs<TrainingService.TrainingServiceClient>
{
    private const string Read = AccessPolicies.TrainingRead;
    private const string Write = AccessPolicies.TrainingWrite;
    private const string Report = AccessPolicies.TrainingReport;

    public static IReadOnlyList<ServiceRpc<TrainingService.TrainingServiceClient>> All { get; } =
    [
        new(nameof(TrainingService.TrainingServiceClient.PublishCourse), Write, c => c.PublishCourseAsync(new PublishCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetCourse), Read, c => c.GetCourseAsync(new GetCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ListCourses), Read, c => c.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.LinkCourseToProgramme), Write, c => c.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.LinkCourseToOutcome), Write, c => c.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.LinkEditionToOutcome), Write, c => c.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest()).ResponseAsync),
        // ---- countries: removing links ----
        new(nameof(TrainingService.TrainingServiceClient.UnlinkCourseFromProgramme), Write, c => c.UnlinkCourseFromProgrammeAsync(new UnlinkCourseFromProgrammeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.UnlinkCourseFromOutcome), Write, c => c.UnlinkCourseFromOutcomeAsync(new UnlinkCourseFromOutcomeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.UnlinkEditionFromOutcome), Write, c => c.UnlinkEditionFromOutcomeAsync(new UnlinkEditionFromOutcomeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ChangeCourse), Write, c => c.ChangeCourseAsync(new ChangeCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.WithdrawCourse), Write, c => c.WithdrawCourseAsync(new WithdrawCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ReinstateCourse), Write, c => c.ReinstateCourseAsync(new ReinstateCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ScheduleEdition), Write, c => c.ScheduleEditionAsync(new ScheduleEditionRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetEdition), Read, c => c.GetEditionAsync(new GetEditionRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ListEditions), Read, c => c.ListEditionsAsync(new ListEditionsRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.SetEditionStatus), Write, c => c.SetEditionStatusAsync(new SetEditionStatusRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ApplyForEdition), Write, c => c.ApplyForEditionAsync(new ApplyForEditionRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.SetEnrolmentStatus), Write, c => c.SetEnrolmentStatusAsync(new SetEnrolmentStatusRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetParticipantReport), Report, c => c.GetParticipantReportAsync(new GetParticipantReportRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.RecordPastParticipants), Write, c => c.RecordPastParticipantsAsync(new RecordPastParticipantsRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.AwardFellowship), Write, c => c.AwardFellowshipAsync(new AwardFellowshipRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetFellowshipReport), Report, c => c.GetFellowshipReportAsync(new GetFellowshipReportRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetLinkedTrainingReport), Report, c => c.GetLinkedTrainingReportAsync(new GetLinkedTrainingReportRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetCourseParticipantReport), Report, c => c.GetCourseParticipantReportAsync(new GetCourseParticipantReportRequest()).ResponseAsync),
        // ---- history ----
        new(nameof(TrainingService.TrainingServiceClient.GetCourseHistory), Read, c => c.GetCourseHistoryAsync(new GetCourseHistoryRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetEditionHistory), Read, c => c.GetEditionHistoryAsync(new GetEditionHistoryRequest()).ResponseAsync),
    ];
}
