using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Training.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

public sealed partial class TrainingService
{
    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> RecordPastParticipants(Contract.RecordPastParticipantsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var nothing = request.Participants.Count == 0 && request.ParticipantCounts.Count == 0;
        violations.Check(nothing || request.Participants.Count > Edition.MaxPastParticipantsPerCall, "participants",
            $"must hold at most {Edition.MaxPastParticipantsPerCall} participants, and a call needs at least one participant or count");
        violations.Check(request.ParticipantCounts.Count > Edition.MaxPastCountsPerCall, "participant_counts",
            $"must hold at most {Edition.MaxPastCountsPerCall} counts");
        var participants = request.Participants.Select((p, i) => ToPastParticipant(p, $"participants[{i}]", violations)).ToList();
        var counts = request.ParticipantCounts.Select((c, i) => ToPastCount(c, $"participant_counts[{i}]", violations)).ToList();
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var changedBy = Caller.From(context).Display;
        // The edition's save carries EditionParticipantsTrained, from which the linked programmes are recounted.
        var edition = await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion, e =>
        {
            e.RecordPast(participants, counts, _clock.GetUtcNow(), changedBy);
            return true;
        }, context.CancellationToken);
        return EditionMapping.ToProto(edition);
    }

    private static PastParticipant ToPastParticipant(Contract.PastParticipant past, string prefix, FieldViolations violations)
    {
        var participant = ToParticipant(
            new(past.ParticipantName, past.Sex, past.CountryCode, past.ConstituentGroup, past.Organisation, past.Email), prefix + ".", violations);
        return new PastParticipant(participant, RequireTrainedStatus(past.Status, prefix, violations));
    }

    private static PastParticipantCount ToPastCount(Contract.PastParticipantCount count, string prefix, FieldViolations violations)
    {
        var sex = CourseMapping.Optional<Contract.Sex, Sex>(count.Sex, prefix + ".sex", violations);
        violations.Check(count.Sex == Contract.Sex.Unspecified, prefix + ".sex", "is required");
        var country = violations.RequireCountry(count.CountryCode, prefix + ".country_code");
        var group = CourseMapping.Optional<Contract.ConstituentGroup, ConstituentGroup>(count.ConstituentGroup, prefix + ".constituent_group", violations);
        violations.Check(count.ConstituentGroup == Contract.ConstituentGroup.Unspecified, prefix + ".constituent_group", "is required");
        violations.Check(count.Count is < 1 or > Edition.MaxCapacity, prefix + ".count", $"must be 1-{Edition.MaxCapacity}");
        var certified = RequireTrainedStatus(count.Status, prefix, violations);
        return new PastParticipantCount(sex ?? default, country?.Code ?? "", group ?? default, certified, count.Count);
    }

    /// <summary>Whether the status says certified; a violation unless it is attended or certified.</summary>
    private static bool RequireTrainedStatus(Contract.EnrolmentStatus status, string prefix, FieldViolations violations)
    {
        violations.Check(status is not (Contract.EnrolmentStatus.Attended or Contract.EnrolmentStatus.Certified), prefix + ".status",
            "must be ENROLMENT_STATUS_ATTENDED or ENROLMENT_STATUS_CERTIFIED");
        return status == Contract.EnrolmentStatus.Certified;
    }
}
