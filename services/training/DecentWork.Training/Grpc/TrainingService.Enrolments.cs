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
    public override async Task<Contract.Edition> ApplyForEdition(Contract.ApplyForEditionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var participant = ToParticipant(
            new(request.ParticipantName, request.Sex, request.CountryCode, request.ConstituentGroup, request.Organisation, request.Email), "", violations);
        violations.ThrowIfAny();

        _ = await FindCourseInCatalogueAsync(courseId, request.CourseId, "applied for", context.CancellationToken);
        // The course again after the edition, on every attempt: a withdrawal saved since is seen, and one
        // that noted itself on this edition after that read makes the save conflict (Edition.CourseWithdrawnAt).
        var edition = await _editions.ChangeAsync(async token =>
        {
            var found = await FindEditionAsync(courseId, editionId, token);
            _ = await FindCourseInCatalogueAsync(courseId, request.CourseId, "applied for", token);
            return found;
        }, 0, e =>
        {
            e.Apply(participant, _clock.GetUtcNow());
            return Task.FromResult(true);
        }, context.CancellationToken);
        return EditionMapping.ToProto(edition);
    }

    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> SetEnrolmentStatus(Contract.SetEnrolmentStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var enrolmentId = ProtoConvert.ToId(request.EnrolmentId);
        violations.Check(enrolmentId is null, "enrolment_id", "must be a UUID");
        var changedBy = Caller.From(context).Display;
        Action<Edition, Guid, DateTimeOffset>? step = request.Status switch
        {
            Contract.EnrolmentStatus.Accepted => (e, id, now) => e.Accept(id, now),
            Contract.EnrolmentStatus.Attended => (e, id, now) => e.RecordAttendance(id, now, changedBy),
            Contract.EnrolmentStatus.Certified => (e, id, now) => e.Certify(id, now),
            Contract.EnrolmentStatus.Withdrawn => (e, id, now) => e.Withdraw(id, now),
            _ => null,
        };
        violations.Check(step is null, "status", "must be ENROLMENT_STATUS_ACCEPTED, _ATTENDED, _CERTIFIED or _WITHDRAWN");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var edition = await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion, e =>
        {
            step!(e, enrolmentId!.Value, _clock.GetUtcNow());
            return true;
        }, context.CancellationToken);
        return EditionMapping.ToProto(edition);
    }

    /// <summary>The participant fields as a request gives them, checked into the violations under the prefix (e.g. "participants[2].").</summary>
    private sealed record ParticipantFields(
        string Name, Contract.Sex Sex, string CountryCode, Contract.ConstituentGroup Group, string Organisation, string Email);

    /// <summary>The participant, or one with placeholder values when a field is invalid (the violations then stop the call).</summary>
    private static Participant ToParticipant(ParticipantFields fields, string prefix, FieldViolations violations)
    {
        violations.Check(!Participant.IsValidText(fields.Name), prefix + "participant_name", $"is required and must be at most {Participant.MaxNameLength} characters");
        var sex = CourseMapping.Optional<Contract.Sex, Sex>(fields.Sex, prefix + "sex", violations);
        violations.Check(fields.Sex == Contract.Sex.Unspecified, prefix + "sex", "is required");
        var country = violations.RequireCountry(fields.CountryCode, prefix + "country_code");
        var group = CourseMapping.Optional<Contract.ConstituentGroup, ConstituentGroup>(fields.Group, prefix + "constituent_group", violations);
        violations.Check(fields.Group == Contract.ConstituentGroup.Unspecified, prefix + "constituent_group", "is required");
        violations.Check(!Participant.IsValidText(fields.Organisation), prefix + "organisation", $"is required and must be at most {Participant.MaxNameLength} characters");
        violations.Check(!Participant.IsValidEmail(fields.Email), prefix + "email", "must be an e-mail address, or empty");
        return new Participant(fields.Name, sex ?? default, country?.Code ?? "", group ?? default, fields.Organisation, fields.Email);
    }
}
