using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;

namespace DecentWork.Training.Tests;

/// <summary>
/// Every RPC of the service with the policy it is meant to name, each called with an empty
/// request. Authorisation answers before the handler runs, so a refused caller changes nothing,
/// and an admitted one gets the handler's own answer (OK, INVALID_ARGUMENT, NOT_FOUND...).
/// </summary>
internal static class TrainingRpcs
{
    public sealed record Rpc(string Name, string Policy, Func<TrainingService.TrainingServiceClient, Task> Call)
    {
        public override string ToString() => Name;
    }

    private const string Read = AccessPolicies.TrainingRead;
    private const string Write = AccessPolicies.TrainingWrite;
    private const string Report = AccessPolicies.TrainingReport;

    public static readonly IReadOnlyList<Rpc> All =
    [
        new(nameof(TrainingService.TrainingServiceClient.PublishCourse), Write, c => c.PublishCourseAsync(new PublishCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.GetCourse), Read, c => c.GetCourseAsync(new GetCourseRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.ListCourses), Read, c => c.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.LinkCourseToProgramme), Write, c => c.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.LinkCourseToOutcome), Write, c => c.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest()).ResponseAsync),
        new(nameof(TrainingService.TrainingServiceClient.LinkEditionToOutcome), Write, c => c.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest()).ResponseAsync),
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
    ];

    /// <summary>The service's policies in the matrix (its own prefix), each with the first RPC naming it.</summary>
    public static IEnumerable<Rpc> OnePerPolicy => All.GroupBy(r => r.Policy).Select(g => g.First());

    public static Rpc Named(string name) => All.Single(r => r.Name == name);

    /// <summary>The status a call answers with: OK, or the RpcException's code.</summary>
    public static async Task<StatusCode> StatusOf(this Rpc rpc, TrainingService.TrainingServiceClient client)
    {
        try
        {
            await rpc.Call(client);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
