using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>Removing links of courses and editions: kept in removed_links, recounted through events.</summary>
public sealed partial class TrainingService
{
    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Course> UnlinkCourseFromProgramme(Contract.UnlinkCourseFromProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        violations.Check(programmeId is null, "programme_id", "must be a UUID");
        CheckUnlink(request.Reason, request.ExpectedVersion, violations);
        violations.ThrowIfAny();

        var removedBy = Caller.From(context).Display;
        return CourseMapping.ToProto(await UnlinkCourseAsync(courseId!.Value, request.ExpectedVersion, $"programme {programmeId}",
            course => course.UnlinkFrom(programmeId!.Value, request.Reason, removedBy, _clock.GetUtcNow()), context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Course> UnlinkCourseFromOutcome(Contract.UnlinkCourseFromOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        var (programmeId, outcomeId) = RequireOutcome(request.ProgrammeId, request.OutcomeId, violations);
        CheckUnlink(request.Reason, request.ExpectedVersion, violations);
        violations.ThrowIfAny();

        var removedBy = Caller.From(context).Display;
        return CourseMapping.ToProto(await UnlinkCourseAsync(courseId!.Value, request.ExpectedVersion, $"outcome {outcomeId}",
            course => course.UnlinkFrom(programmeId, outcomeId, request.Reason, removedBy, _clock.GetUtcNow()), context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> UnlinkEditionFromOutcome(Contract.UnlinkEditionFromOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var (programmeId, outcomeId) = RequireOutcome(request.ProgrammeId, request.OutcomeId, violations);
        CheckUnlink(request.Reason, request.ExpectedVersion, violations);
        violations.ThrowIfAny();

        var removedBy = Caller.From(context).Display;
        var linked = true;
        var edition = await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion,
            e => linked = e.UnlinkFrom(programmeId, outcomeId, request.Reason, removedBy, _clock.GetUtcNow()), context.CancellationToken);
        if (!linked) throw new NotFoundException("Outcome link", $"outcome {outcomeId}");
        return EditionMapping.ToProto(edition);
    }

    private static void CheckUnlink(string reason, long expectedVersion, FieldViolations violations)
    {
        violations.Check(!RemovedLink.IsValidReason(reason), "reason", $"is required and must be at most {RemovedLink.MaxReasonLength} characters");
        violations.Check(expectedVersion < 0, "expected_version", "must not be negative");
    }

    /// <summary>Loads the course (NOT_FOUND), checks the version (ABORTED), removes the link (NOT_FOUND when not linked) and saves, retrying a lost race when no version was given.</summary>
    private Task<Course> UnlinkCourseAsync(Guid courseId, long expectedVersion, string link, Func<Course, bool> unlink, CancellationToken cancellationToken) =>
        _courses.ChangeAsync(courseId, "Course", expectedVersion, course => unlink(course) ? true : throw new NotFoundException("Course link", link), cancellationToken);
}
