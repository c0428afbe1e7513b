using System.Linq.Expressions;
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
    // Reads the period's buckets of EditionTotals (kept with every edition saved), never the editions.
    [Authorize(Policy = AccessPolicies.TrainingReport)]
    public override async Task<Contract.ParticipantReport> GetParticipantReport(Contract.GetParticipantReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (from, to) = CheckPeriod(request.FromYear, request.ToYear, violations);
        var baseYear = request.BaseYear == 0 ? from : request.BaseYear;
        violations.Check(baseYear < from || baseYear > to, "base_year", "must lie between from_year and to_year");
        var courseId = ProtoConvert.ToId(request.CourseId);
        violations.Check(request.CourseId.Length > 0 && courseId is null, "course_id", "must be a UUID, or empty");
        violations.ThrowIfAny();

        var (trained, links) = await TrainedAsync(from, to, courseId, context.CancellationToken);
        var years = ParticipantReport.Count(trained, links.ToProgrammes, from, to);
        var reference = years.Single(y => y.Year == baseYear);
        return new Contract.ParticipantReport { BaseYear = baseYear, Years = { years.Select(y => ToProto(y, reference)) } };
    }

    private static (int From, int To) CheckPeriod(int from, int to, FieldViolations violations)
    {
        violations.Check(from is < 1900 or > 9999, "from_year", "must be a year from 1900");
        violations.Check(to < from || to - from >= ParticipantReport.MaxYears, "to_year", $"must be from_year to from_year + {ParticipantReport.MaxYears - 1}");
        return (from, to);
    }

    private Task<List<Edition>> ReadAllAsync(Expression<Func<Edition, bool>> filter, CancellationToken cancellationToken) =>
        _editions.ReadAllAsync(filter, new SortOrder<Edition>(e => e.ListKey), cancellationToken);

    /// <summary>
    /// Who the editions starting in the period trained (every course's, or one course's), and which
    /// courses are linked: the year buckets, the linked courses, and the course buckets of those
    /// only, so the read grows with years × linked courses, not with enrolments or unlinked courses.
    /// </summary>
    private async Task<(TrainedInPeriod Trained, CourseLinks Links)> TrainedAsync(int from, int to, Guid? courseId, CancellationToken cancellationToken)
    {
        var links = LinkedCourses.From(await projections.ReadAsync(LinkedCourses.ProjectionName, LinkedCourses.Every, cancellationToken));
        if (courseId is { } id)
        {
            var ofCourse = await CourseTotalsAsync(id, from, to, cancellationToken);
            return (new TrainedInPeriod(ofCourse, ofCourse), links);
        }
        var years = EditionTotal.From(await projections.ReadAsync(EditionTotals.ProjectionName, EditionTotals.TrainedBetween(from, to), cancellationToken));
        var ofLinkedCourses = new List<EditionTotal>();
        foreach (var linked in links.ToProgrammes.Union(links.ToOutcomes))
            ofLinkedCourses.AddRange(await CourseTotalsAsync(linked, from, to, cancellationToken));
        return (new TrainedInPeriod(years, ofLinkedCourses), links);
    }

    /// <summary>One course's editions starting in the period, per year: one key range of buckets.</summary>
    private async Task<List<EditionTotal>> CourseTotalsAsync(Guid courseId, int from, int to, CancellationToken cancellationToken) =>
        EditionTotal.From(await projections.ReadAsync(EditionTotals.ProjectionName, EditionTotals.CourseTrainedBetween(courseId, from, to), cancellationToken));

    private static Contract.ParticipantYear ToProto(ParticipantYear year, ParticipantYear baseYear) => new()
    {
        Year = year.Year,
        Participants = year.Participants,
        ByConstituentGroup =
        {
            year.ByGroup.Select(g => new Contract.ConstituentGroupCount { ConstituentGroup = (Contract.ConstituentGroup)(int)g.Key, Participants = g.Value }),
        },
        Female = year.Female,
        EmployersAndWorkersPercent = year.EmployersAndWorkersPercent(),
        EmployersAndWorkersGrowthPercent = year.EmployersAndWorkersGrowthPercent(baseYear),
        LinkedToOutcomesPercent = year.LinkedPercent(),
        ParticipantDays = year.ParticipantDays,
        LinkedToOutcomesDaysPercent = year.LinkedDaysPercent(),
    };
}
