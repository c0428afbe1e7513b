using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Issue 6 end to end: a course linked to a DWCP outcome, one participant to certified, counted in training's reports and in programming.</summary>
public class TrainingFlowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task CertifiedParticipant_OnCourseLinkedToOutcome_IsCountedInReportsAndInProgramming()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var training = new TrainingV1.TrainingService.TrainingServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "GHA", 900_000m);
        var outcome = programme.Priorities[0].Outcomes[0];
        var course = await training.PublishCourseAsync(new TrainingV1.PublishCourseRequest
        {
            Code = "GHA-YEP",
            Title = "Youth employment policies for Ghana's social partners",
            Themes = { TrainingV1.CourseTheme.Employment },
            TargetGroups = { TrainingV1.ConstituentGroup.Employers, TrainingV1.ConstituentGroup.Workers },
            DeliveryModes = { TrainingV1.DeliveryMode.Field },
            Languages = { "en" },
            DurationDays = 5,
        });
        await Eventually.WhenKnown(
            () => training.LinkCourseToOutcomeAsync(new TrainingV1.LinkCourseToOutcomeRequest { CourseId = course.Id, ProgrammeId = programme.Id, OutcomeId = outcome.Id }).ResponseAsync,
            what: "training to learn of the approved programme's outcomes");

        // Applications close on or before the first day and an edition is held only once its days have
        // come (with a day's grace for time zones ahead of UTC): on the real clock, that is a one-day
        // edition tomorrow, open for applications until then.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var edition = await training.ScheduleEditionAsync(new TrainingV1.ScheduleEditionRequest
        {
            CourseId = course.Id,
            StartDate = ProtoConvert.ToDate(start),
            EndDate = ProtoConvert.ToDate(start),
            Venue = "Accra",
            DeliveryMode = TrainingV1.DeliveryMode.Field,
            Capacity = 25,
            Fee = ProtoConvert.ToMoney(0m),
            ApplicationDeadline = ProtoConvert.ToDate(start),
        });
        await SetEditionStatusAsync(training, edition, TrainingV1.EditionStatus.Open);
        edition = await training.ApplyForEditionAsync(new TrainingV1.ApplyForEditionRequest
        {
            CourseId = course.Id,
            EditionId = edition.Id,
            ParticipantName = "Akosua Mensah",
            Sex = TrainingV1.Sex.Female,
            CountryCode = "GHA",
            ConstituentGroup = TrainingV1.ConstituentGroup.Employers,
            Organisation = "Ghana Employers' Association",
        });
        var enrolmentId = Assert.Single(edition.Enrolments).Id;
        await SetEnrolmentStatusAsync(training, edition, enrolmentId, TrainingV1.EnrolmentStatus.Accepted);
        await SetEditionStatusAsync(training, edition, TrainingV1.EditionStatus.Closed);
        await SetEditionStatusAsync(training, edition, TrainingV1.EditionStatus.Held);
        await SetEnrolmentStatusAsync(training, edition, enrolmentId, TrainingV1.EnrolmentStatus.Attended);
        var certified = await SetEnrolmentStatusAsync(training, edition, enrolmentId, TrainingV1.EnrolmentStatus.Certified);
        Assert.Equal(TrainingV1.EnrolmentStatus.Certified, Assert.Single(certified.Enrolments).Status);

        var year = start.Year;
        var participants = await training.GetParticipantReportAsync(new TrainingV1.GetParticipantReportRequest { FromYear = year, ToYear = year });
        var row = Assert.Single(participants.Years);
        Assert.Equal(1, row.Participants);
        Assert.Equal(100.0, row.EmployersAndWorkersPercent);
        var linked = Assert.Single((await training.GetLinkedTrainingReportAsync(new TrainingV1.GetLinkedTrainingReportRequest { FromYear = year, ToYear = year })).Years);
        Assert.Equal(1, linked.OutcomeLinkedParticipants);
        Assert.Equal(1, linked.OutcomeLinkedParticipantDays);

        // Training's per-programme count reaches programming through the broker.
        var counted = await Eventually.Until(
            () => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.Training is { ParticipantsTrained: > 0 }, what: "programming to show the people trained");
        Assert.Equal(1, counted.Training.ParticipantsTrained);
        Assert.Equal(1, counted.Training.ParticipantDays);
    }

    private static async Task SetEditionStatusAsync(TrainingV1.TrainingService.TrainingServiceClient training, TrainingV1.Edition edition, TrainingV1.EditionStatus status) =>
        await training.SetEditionStatusAsync(new TrainingV1.SetEditionStatusRequest { CourseId = edition.CourseId, EditionId = edition.Id, Status = status });

    private static async Task<TrainingV1.Edition> SetEnrolmentStatusAsync(TrainingV1.TrainingService.TrainingServiceClient training, TrainingV1.Edition edition,
        string enrolmentId, TrainingV1.EnrolmentStatus status) =>
        await training.SetEnrolmentStatusAsync(new TrainingV1.SetEnrolmentStatusRequest { CourseId = edition.CourseId, EditionId = edition.Id, EnrolmentId = enrolmentId, Status = status });
}
