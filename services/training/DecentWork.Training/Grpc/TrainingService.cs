using System.Linq.Expressions;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>
/// Maps proto requests to the Course and Edition aggregates and back; rules live in the aggregates.
/// Split by area: courses here; outcome links, editions, enrolments, past participants,
/// fellowships and reports in the other partial files.
/// </summary>
public sealed partial class TrainingService(
    IAggregateStore<Course> courses, IAggregateStore<KnownProgramme> programmes, IAggregateStore<Edition> editions, TimeProvider clock,
    IAggregateStore<KnownPartner> partners, IProjectionReader projections, TrainingCalendar calendar)
    : Contract.TrainingService.TrainingServiceBase
{
    private readonly IAggregateStore<Course> _courses = courses;
    private readonly IAggregateStore<Edition> _editions = editions;
    private readonly TimeProvider _clock = clock;
    private readonly IAggregateStore<KnownProgramme> _programmes = programmes;
    private readonly IAggregateStore<KnownPartner> _partners = partners;

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Course> PublishCourse(Contract.PublishCourseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckCodeAndTitle(request, violations);
        var details = CourseMapping.ToDetails(request, violations);
        violations.ThrowIfAny();

        await EnsureCodeFreeAsync(Course.NormaliseCode(request.Code), context.CancellationToken);
        var course = Course.Publish(request.Code, request.Title, _clock.GetUtcNow(), details);
        await _courses.SaveAsync(course, cancellationToken: context.CancellationToken);
        return CourseMapping.ToProto(course);
    }

    [Authorize(Policy = AccessPolicies.TrainingRead)]
    public override async Task<Contract.Course> GetCourse(Contract.GetCourseRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var course = await _courses.FindAsync(id, context.CancellationToken)
            ?? throw new NotFoundException("Course", request.Id);
        return CourseMapping.ToProto(course);
    }

    [Authorize(Policy = AccessPolicies.TrainingRead)]
    public override async Task<Contract.ListCoursesResponse> ListCourses(Contract.ListCoursesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var filter = CourseMapping.ToFilter(request, violations);
        var range = CourseMapping.ToEditionRange(request, violations);
        violations.ThrowIfAny();

        var withEditions = range is { } r ? await CoursesWithEditionsAsync(r.From, r.To, context.CancellationToken) : null;
        if (withEditions is { Count: 0 }) return new Contract.ListCoursesResponse();
        Expression<Func<Course, bool>>? inRange = withEditions is null ? null : c => withEditions.Contains(c.Id);
        // "Everything" is a constant true, which is left out rather than ANDed (not every store translates it).
        var all = filter.Body is ConstantExpression { Value: true } ? inRange ?? filter : Filter.All(filter, inRange);

        // Codes are unique, so the code alone is a stable paging key.
        var (found, total, nextPageToken) = await _courses.PageAsync(all, new SortOrder<Course>(c => c.Code), page, context.CancellationToken);
        var response = new Contract.ListCoursesResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.Courses.AddRange(found.Select(CourseMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Course> LinkCourseToProgramme(Contract.LinkCourseToProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        violations.Check(programmeId is null, "programme_id", "must be a UUID");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // An existing link changes nothing, so nothing is saved and the version stays put. The
        // link's event, saved with it, makes the programme's training totals be recounted.
        var linkedBy = Caller.From(context).Display;
        return CourseMapping.ToProto(await _courses.ChangeAsync(token => FindCourseAsync(courseId!.Value, request.CourseId, token), request.ExpectedVersion,
            async course => course.LinkTo(await KnownProgrammeAsync(programmeId!.Value, context.CancellationToken), _clock.GetUtcNow(), linkedBy),
            context.CancellationToken));
    }

    /// <summary>
    /// Courses with an edition, not cancelled, starting in the range. Editions and courses are
    /// separate aggregates, so this is two queries: the editions, then their course ids as an
    /// "id in list" condition, which both stores translate (LiteDB ANY/IN, MongoDB $in).
    /// </summary>
    private async Task<List<Guid>> CoursesWithEditionsAsync(int fromDay, int toDay, CancellationToken cancellationToken)
    {
        var found = await ReadAllAsync(
            Filter.All<Edition>(e => e.StartDay >= fromDay, e => e.StartDay <= toDay, e => e.Status != EditionStatus.Cancelled), cancellationToken);
        return found.Select(e => e.CourseId).Distinct().ToList();
    }
}
