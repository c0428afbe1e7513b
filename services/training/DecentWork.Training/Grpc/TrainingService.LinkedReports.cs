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
    [Authorize(Policy = AccessPolicies.TrainingReport)]
    public override async Task<Contract.LinkedTrainingReport> GetLinkedTrainingReport(Contract.GetLinkedTrainingReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (from, to) = CheckPeriod(request.FromYear, request.ToYear, violations);
        violations.ThrowIfAny();

        var (trained, links) = await TrainedAsync(from, to, courseId: null, context.CancellationToken);
        return new Contract.LinkedTrainingReport
        {
            Years =
            {
                LinkedTrainingReport.Count(trained, links, from, to).Select(y => new Contract.LinkedTrainingYear
                {
                    Year = y.Year,
                    Participants = y.Participants,
                    ParticipantDays = y.ParticipantDays,
                    OutcomeLinkedParticipants = y.OutcomeLinkedParticipants,
                    OutcomeLinkedParticipantDays = y.OutcomeLinkedParticipantDays,
                    OutcomeLinkedPercent = y.OutcomeLinkedPercent(),
                    OutcomeLinkedDaysPercent = y.OutcomeLinkedDaysPercent(),
                    ProgrammeLinkedParticipants = y.ProgrammeLinkedParticipants,
                    ProgrammeLinkedParticipantDays = y.ProgrammeLinkedParticipantDays,
                    ProgrammeLinkedPercent = y.ProgrammeLinkedPercent(),
                    ProgrammeLinkedDaysPercent = y.ProgrammeLinkedDaysPercent(),
                }),
            },
        };
    }

    [Authorize(Policy = AccessPolicies.TrainingReport)]
    public override async Task<Contract.CourseParticipantReport> GetCourseParticipantReport(Contract.GetCourseParticipantReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var courseId = ProtoConvert.ToId(request.CourseId);
        violations.Check(courseId is null, "course_id", "must be a UUID");
        var (from, to) = CheckPeriod(request.FromYear, request.ToYear, violations);
        violations.ThrowIfAny();

        var id = courseId!.Value;
        var course = await _courses.FindAsync(id, context.CancellationToken) ?? throw new NotFoundException("Course", request.CourseId);
        var years = CourseParticipantReport.Count(await CourseTotalsAsync(id, from, to, context.CancellationToken), from, to);
        return new Contract.CourseParticipantReport
        {
            CourseId = course.Id.ToString(),
            CourseCode = course.Code,
            CourseTitle = course.Title,
            Years = { years.Select(ToProto) },
            Total = ToProto(CourseParticipantReport.Total(years)),
        };
    }

    private static Contract.CourseParticipantYear ToProto(CourseParticipantYear year) => new()
    {
        Year = year.Year,
        EditionsHeld = year.EditionsHeld,
        Participants = year.Participants,
        Certified = year.Certified,
        Female = year.Female,
        EmployersAndWorkers = year.EmployersAndWorkers,
        ParticipantDays = year.ParticipantDays,
    };
}
