using System.Runtime.CompilerServices;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>ChangeCourse, WithdrawCourse and ReinstateCourse: the shared change helper around Course.Change / Withdraw / Reinstate.</summary>
public sealed partial class TrainingService
{
    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Course> ChangeCourse(Contract.ChangeCourseRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        // The same checks, field names and messages as PublishCourse.
        var entry = CourseMapping.ToPublishRequest(request);
        CheckCodeAndTitle(entry, violations);
        var details = CourseMapping.ToDetails(entry, violations);
        violations.ThrowIfAny();

        var code = Course.NormaliseCode(request.Code);
        var changed = await _courses.ChangeAsync(token => FindCourseAsync(id!.Value, request.Id, token), request.ExpectedVersion, async course =>
        {
            if (course.Code != code) await EnsureCodeFreeAsync(code, context.CancellationToken);
            return course.Change(request.Code, request.Title, details, _clock.GetUtcNow());
        }, context.CancellationToken);
        return CourseMapping.ToProto(changed);
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Course> WithdrawCourse(Contract.WithdrawCourseRequest request, ServerCallContext context)
    {
        var withdrawn = await ChangeForAReasonAsync(request.Id, request.Reason, request.ExpectedVersion, context,
            (course, now, by) => course.Withdraw(request.Reason, now, by));
        await NoteWithdrawalOnEditionsAsync(Guid.Parse(withdrawn.Id), withdrawn.WithdrawnAt.ToDateTimeOffset(), context.CancellationToken);
        return withdrawn;
    }

    /// <summary>
    /// After the course is saved withdrawn: every edition of it notes the withdrawal, so an application
    /// racing it on an edition is ordered on that edition (refused after, or taken before). The course
    /// is withdrawn already; an edition scheduled meanwhile is found by applications to be of a withdrawn course.
    /// </summary>
    private async Task NoteWithdrawalOnEditionsAsync(Guid courseId, DateTimeOffset withdrawnAt, CancellationToken cancellationToken)
    {
        var editions = await _editions.ReadAllAsync(e => e.CourseId == courseId, new SortOrder<Edition>(e => e.ListKey), cancellationToken);
        foreach (var edition in editions)
            await _editions.ChangeAsync(edition.Id, "Edition", 0, e =>
            {
                e.NoteCourseWithdrawn(withdrawnAt);
                return true;
            }, cancellationToken);
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override Task<Contract.Course> ReinstateCourse(Contract.ReinstateCourseRequest request, ServerCallContext context) =>
        ChangeForAReasonAsync(request.Id, request.Reason, request.ExpectedVersion, context, (course, now, by) => course.Reinstate(request.Reason, now, by));

    /// <summary>
    /// WithdrawCourse and ReinstateCourse take the same request (id, a required reason, expected_version)
    /// and record who did it and when; only the step on the course differs.
    /// </summary>
    private async Task<Contract.Course> ChangeForAReasonAsync(string requestedId, string reason, long expectedVersion, ServerCallContext context,
        Action<Course, DateTimeOffset, string> step, [CallerMemberName] string operation = "")
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(requestedId);
        violations.Check(id is null, "id", "must be a UUID");
        violations.Check(!Course.IsValidWithdrawalReason(reason), "reason", $"is required and must be at most {Course.MaxWithdrawalReasonLength} characters");
        violations.Check(expectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var by = Caller.From(context).Display;
        var changed = await _courses.ChangeAsync(token => FindCourseAsync(id!.Value, requestedId, token), expectedVersion, course =>
        {
            step(course, _clock.GetUtcNow(), by);
            return Task.FromResult(true);
        }, context.CancellationToken, operation: operation);
        return CourseMapping.ToProto(changed);
    }

    private static void CheckCodeAndTitle(Contract.PublishCourseRequest request, FieldViolations violations)
    {
        violations.Check(!Course.IsValidCode(request.Code), "code",
            $"must be {Course.MinCodeLength}-{Course.MaxCodeLength} letters, digits or dashes");
        violations.Check(!Course.IsValidTitle(request.Title), "title", $"is required and must be at most {Course.MaxTitleLength} characters");
    }

    /// <summary>Looking first gives the caller the code in the message; the unique index still decides a race.</summary>
    private async Task EnsureCodeFreeAsync(string code, CancellationToken cancellationToken)
    {
        if (await _courses.CountAsync(c => c.Code == code, cancellationToken) > 0)
            throw new AlreadyExistsException($"A course with code '{code}' is already in the catalogue (codes are compared ignoring case and width).",
                "COURSE_CODE_TAKEN", new Dictionary<string, string> { ["code"] = code });
    }

    /// <summary>A course that may take a new edition or application: NOT_FOUND when there is none, FAILED_PRECONDITION when withdrawn.</summary>
    private async Task<Course> FindCourseInCatalogueAsync(Guid id, string requestedId, string what, CancellationToken cancellationToken)
    {
        var course = await FindCourseAsync(id, requestedId, cancellationToken);
        course.EnsureInCatalogue(what);
        return course;
    }
}
