using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Training.Domain;
using Grpc.Core;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

public sealed partial class TrainingService
{
    public override async Task<Contract.Edition> RecordPastParticipants(Contract.RecordPastParticipantsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        violations.Check(request.Participants.Count is 0 or > Edition.MaxPastParticipantsPerCall, "participants",
            $"must hold 1-{Edition.MaxPastParticipantsPerCall} participants");
        var participants = request.Participants.Select((p, i) => ToPastParticipant(p, $"participants[{i}]", violations)).ToList();
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var edition = await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion, e =>
        {
            e.RecordPast(participants, _clock.GetUtcNow());
            return true;
        }, context.CancellationToken);
        await RecountLinkedProgrammesAsync(edition, context.CancellationToken);
        return EditionMapping.ToProto(edition);
    }

    private static PastParticipant ToPastParticipant(Contract.PastParticipant past, string prefix, FieldViolations violations)
    {
        var participant = ToParticipant(
            new(past.ParticipantName, past.Sex, past.CountryCode, past.ConstituentGroup, past.Organisation, past.Email), prefix + ".", violations);
        violations.Check(past.Status is not (Contract.EnrolmentStatus.Attended or Contract.EnrolmentStatus.Certified), prefix + ".status",
            "must be ENROLMENT_STATUS_ATTENDED or ENROLMENT_STATUS_CERTIFIED");
        return new PastParticipant(participant, past.Status == Contract.EnrolmentStatus.Certified);
    }
}
