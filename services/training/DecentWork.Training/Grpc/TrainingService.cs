using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Grpc.Core;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>Maps proto requests to the Course aggregate and back; rules live in the aggregate.</summary>
public sealed class TrainingService(IAggregateStore<Course> courses, IAggregateStore<KnownProgramme> programmes, TimeProvider clock)
    : Contract.TrainingService.TrainingServiceBase
{
    public override async Task<Contract.Course> PublishCourse(Contract.PublishCourseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(!Course.IsValidCode(request.Code), "code",
            $"must be {Course.MinCodeLength}-{Course.MaxCodeLength} letters, digits or dashes");
        violations.Check(!Course.IsValidTitle(request.Title), "title", $"is required and must be at most {Course.MaxTitleLength} characters");
        violations.ThrowIfAny();

        // Looking first gives the caller the code in the message; the unique index still decides a race.
        var code = Course.NormaliseCode(request.Code);
        if (await courses.CountAsync(c => c.Code == code, context.CancellationToken) > 0)
            throw new AlreadyExistsException($"A course with code '{code}' is already in the catalogue.");
        var course = Course.Publish(request.Code, request.Title, clock.GetUtcNow());
        await courses.SaveAsync(course, cancellationToken: context.CancellationToken);
        return ToProto(course);
    }

    public override async Task<Contract.Course> GetCourse(Contract.GetCourseRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var course = await courses.FindAsync(id, context.CancellationToken)
            ?? throw new NotFoundException("Course", request.Id);
        return ToProto(course);
    }

    public override async Task<Contract.ListCoursesResponse> ListCourses(Contract.ListCoursesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var all = Filter.All<Course>();
        var total = await courses.CountAsync(all, context.CancellationToken);
        // Codes are unique, so the code alone is a stable paging key.
        var found = await courses.QueryAsync(all, new SortOrder<Course>(c => c.Code), page.Skip, page.Size, context.CancellationToken);
        var response = new Contract.ListCoursesResponse { NextPageToken = page.NextToken(total), TotalSize = (int)total };
        response.Courses.AddRange(found.Select(ToProto));
        return response;
    }

    public override async Task<Contract.Course> LinkCourseToProgramme(Contract.LinkCourseToProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        violations.Check(programmeId is null, "programme_id", "must be a UUID");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var course = await courses.FindAsync(courseId!.Value, context.CancellationToken)
            ?? throw new NotFoundException("Course", request.CourseId);
        if (request.ExpectedVersion != 0 && request.ExpectedVersion != course.Version)
            throw new ConcurrencyConflictException(TrainingApp.CoursesCollection, course.Id);
        var programme = await programmes.FindAsync(programmeId!.Value, context.CancellationToken)
            ?? throw new DomainRuleException(
                $"Training has not heard of programme '{request.ProgrammeId}': it may not be registered, or its ProgrammeRegistered event has not arrived yet.");

        // An existing link changes nothing, so nothing is saved and the version stays put.
        if (course.LinkTo(programme))
            await courses.SaveAsync(course, cancellationToken: context.CancellationToken);
        return ToProto(course);
    }

    internal static Contract.Course ToProto(Course course) => new()
    {
        Id = course.Id.ToString(),
        Code = course.Code,
        Title = course.Title,
        LinkedProgrammeIds = { course.LinkedProgrammeIds.Select(id => id.ToString()) },
        PublishedAt = ProtoConvert.ToTimestamp(course.PublishedAt),
        Version = course.Version,
    };
}
