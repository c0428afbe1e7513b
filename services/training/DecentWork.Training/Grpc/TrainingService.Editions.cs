using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

public sealed partial class TrainingService
{
    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> ScheduleEdition(Contract.ScheduleEditionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        var plan = EditionMapping.ToPlan(request, violations);
        violations.ThrowIfAny();

        var edition = Edition.Schedule(courseId!.Value, plan!);
        // The course first, marked (Course.AdmitEdition): a concurrent WithdrawCourse is ordered before or after it there.
        await _courses.ChangeAsync(token => FindCourseAsync(courseId.Value, request.CourseId, token), 0, course =>
        {
            course.AdmitEdition(edition.Id);
            return Task.FromResult(true);
        }, context.CancellationToken);
        await _editions.SaveAsync(edition, cancellationToken: context.CancellationToken);
        return EditionMapping.ToProto(edition);
    }

    [Authorize(Policy = AccessPolicies.TrainingRead)]
    public override async Task<Contract.Edition> GetEdition(Contract.GetEditionRequest request, ServerCallContext context)
    {
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, new FieldViolations());
        return VisibleTo(Caller.From(context), EditionMapping.ToProto(await FindEditionAsync(courseId, editionId, context.CancellationToken)));
    }

    [Authorize(Policy = AccessPolicies.TrainingRead)]
    public override async Task<Contract.ListEditionsResponse> ListEditions(Contract.ListEditionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var id = courseId!.Value;
        _ = await _courses.FindAsync(id, context.CancellationToken) ?? throw new NotFoundException("Course", request.CourseId);
        var (found, total, nextPageToken) = await _editions.PageAsync(e => e.CourseId == id, new SortOrder<Edition>(e => e.ListKey), page, context.CancellationToken);
        var response = new Contract.ListEditionsResponse { NextPageToken = nextPageToken, TotalSize = total };
        var caller = Caller.From(context);
        response.Editions.AddRange(found.Select(e => VisibleTo(caller, EditionMapping.ToProto(e))));
        return response;
    }

    /// <summary>
    /// Enrolments carry participants' names and e-mail addresses: a country office reads the
    /// catalogue and editions, but only the enrolments of participants from its own countries.
    /// </summary>
    private static Contract.Edition VisibleTo(Caller caller, Contract.Edition edition)
    {
        if (caller.CountryScope(Roles.TrainingCentre, Roles.ProgrammeStaff, Roles.Auditor) is not { } countries) return edition;
        var visible = edition.Enrolments.Where(e => countries.Contains(e.CountryCode)).ToList();
        edition.Enrolments.Clear();
        edition.Enrolments.AddRange(visible);
        return edition;
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> SetEditionStatus(Contract.SetEditionStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var status = CourseMapping.Optional<Contract.EditionStatus, EditionStatus>(request.Status, "status", violations);
        violations.Check(request.Status == Contract.EditionStatus.Unspecified, "status", "is required");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        return EditionMapping.ToProto(await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion,
            edition => edition.MoveTo(status!.Value, calendar.Now), context.CancellationToken));
    }

    private async Task<Edition> FindEditionAsync(Guid courseId, Guid editionId, CancellationToken cancellationToken)
    {
        var edition = await _editions.FindAsync(editionId, cancellationToken);
        // An edition of another course is not found under this one.
        if (edition is null || edition.CourseId != courseId) throw new NotFoundException("Edition", editionId);
        return edition;
    }

    /// <summary>
    /// Reads, changes and saves an edition (AggregateChanges). Without an expected version the
    /// caller asked for a change, not for a change to what it saw, so a concurrent save is retried
    /// on a fresh read (the rules run again against it: a place taken meanwhile is seen). With one,
    /// it is ABORTED.
    /// </summary>
    private Task<Edition> UpdateEditionAsync(Guid courseId, Guid editionId, long expectedVersion, Func<Edition, bool> change, CancellationToken cancellationToken) =>
        _editions.ChangeAsync(token => FindEditionAsync(courseId, editionId, token), expectedVersion, edition => Task.FromResult(change(edition)),
            cancellationToken);
}
