using DecentWork.Contracts.Training.V1;
using Google.Type;

namespace DecentWork.Training.Tests;

/// <summary>The steps service tests repeat: a course, an open edition, an application.</summary>
internal static class TrainingCalls
{
    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Task<Course> PublishAsync(this TrainingService.TrainingServiceClient client, string title = "TC Manual") =>
        client.PublishCourseAsync(new PublishCourseRequest { Code = TrainingFixture.NewCode("ed"), Title = title }).ResponseAsync;

    /// <summary>An edition in the given (future) year, so today is before its deadline.</summary>
    public static ScheduleEditionRequest Plan(Course course, int year = 2031, int capacity = 2, int days = 5) => new()
    {
        CourseId = course.Id,
        StartDate = Day(year, 6, 2),
        EndDate = Day(year, 6, 1 + days),
        Venue = "Turin",
        DeliveryMode = DeliveryMode.TurinCampus,
        Capacity = capacity,
        Fee = new Money { CurrencyCode = "EUR", Units = 2500 },
        ApplicationDeadline = Day(year, 5, 15),
    };

    public static async Task<Edition> OpenEditionAsync(this TrainingService.TrainingServiceClient client, Course course, int year = 2031, int capacity = 2, int days = 5)
    {
        var edition = await client.ScheduleEditionAsync(Plan(course, year, capacity, days));
        return await client.SetEditionStatusAsync(new SetEditionStatusRequest { CourseId = course.Id, EditionId = edition.Id, Status = EditionStatus.Open });
    }

    public static ApplyForEditionRequest Application(Edition edition, string name = "Jane Banda", ConstituentGroup group = ConstituentGroup.Employers) => new()
    {
        CourseId = edition.CourseId,
        EditionId = edition.Id,
        ParticipantName = name,
        Sex = Sex.Female,
        CountryCode = "ZMB",
        ConstituentGroup = group,
        Organisation = "Zambia Federation of Employers",
    };

    public static Task<Edition> SetAsync(this TrainingService.TrainingServiceClient client, Edition edition, EditionStatus status) =>
        client.SetEditionStatusAsync(new SetEditionStatusRequest { CourseId = edition.CourseId, EditionId = edition.Id, Status = status }).ResponseAsync;

    public static Task<Edition> SetAsync(this TrainingService.TrainingServiceClient client, Edition edition, string enrolmentId, EnrolmentStatus status, long expectedVersion = 0) =>
        client.SetEnrolmentStatusAsync(new SetEnrolmentStatusRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, EnrolmentId = enrolmentId, Status = status, ExpectedVersion = expectedVersion,
        }).ResponseAsync;
}
