using DecentWork.ServiceDefaults;
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
    public override async Task<Contract.Course> LinkCourseToOutcome(Contract.LinkCourseToOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        var (programmeId, outcomeId) = RequireOutcome(request.ProgrammeId, request.OutcomeId, violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // An existing link changes nothing, so nothing is saved and the version stays put.
        var linkedBy = Caller.From(context).Display;
        return CourseMapping.ToProto(await _courses.ChangeAsync(token => FindCourseAsync(courseId!.Value, request.CourseId, token), request.ExpectedVersion,
            async course => course.LinkTo(await KnownProgrammeAsync(programmeId, context.CancellationToken), outcomeId, _clock.GetUtcNow(), linkedBy),
            context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> LinkEditionToOutcome(Contract.LinkEditionToOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var (programmeId, outcomeId) = RequireOutcome(request.ProgrammeId, request.OutcomeId, violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // The edition is found first, so an unknown edition is NOT_FOUND before any precondition.
        _ = await FindEditionAsync(courseId, editionId, context.CancellationToken);
        var programme = await KnownProgrammeAsync(programmeId, context.CancellationToken);
        var changedBy = Caller.From(context).Display;
        return EditionMapping.ToProto(await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion,
            edition => edition.LinkTo(programme, outcomeId, _clock.GetUtcNow(), changedBy), context.CancellationToken));
    }

    private async Task<Course> FindCourseAsync(Guid id, string requestedId, CancellationToken cancellationToken) =>
        await _courses.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Course", requestedId);

    private static (Guid ProgrammeId, Guid OutcomeId) RequireOutcome(string programmeId, string outcomeId, FieldViolations violations)
    {
        var programme = ProtoConvert.ToId(programmeId);
        var outcome = ProtoConvert.ToId(outcomeId);
        violations.Check(programme is null, "programme_id", "must be a UUID");
        violations.Check(outcome is null, "outcome_id", "must be a UUID");
        return (programme ?? Guid.Empty, outcome ?? Guid.Empty);
    }

    /// <summary>A programme training heard of from programming's events; FAILED_PRECONDITION otherwise, since it may be on its way.</summary>
    private async Task<KnownProgramme> KnownProgrammeAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await _programmes.FindAsync(programmeId, cancellationToken)
        ?? throw new NotKnownYetException("Programme", programmeId,
            $"Training has not heard of programme '{programmeId}': it may not be registered, or its registration has not reached training yet.");
}
