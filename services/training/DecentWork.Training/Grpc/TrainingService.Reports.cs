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

        var totals = (await TrainedTotalsAsync(from, to, context.CancellationToken)).Where(t => courseId is null || t.CourseId == courseId).ToList();
        var links = await CourseLinksAsync(totals.Select(t => t.CourseId).Distinct(), context.CancellationToken);
        var years = ParticipantReport.Count(totals, links.ToProgrammes, from, to);
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

    /// <summary>Who the editions starting in the period trained, per course and year: one key range of buckets.</summary>
    private async Task<List<EditionTotal>> TrainedTotalsAsync(int from, int to, CancellationToken cancellationToken) =>
        EditionTotal.From(await projections.ReadAsync(EditionTotals.ProjectionName, EditionTotals.TrainedBetween(from, to), cancellationToken));

    /// <summary>Which of these courses are linked to a DWCP, and which to at least one of its outcomes.</summary>
    private async Task<CourseLinks> CourseLinksAsync(IEnumerable<Guid> courseIds, CancellationToken cancellationToken)
    {
        var links = new CourseLinks(new HashSet<Guid>(), new HashSet<Guid>());
        foreach (var id in courseIds)
        {
            if (await _courses.FindAsync(id, cancellationToken) is not { } course) continue;
            if (course.LinkedProgrammeIds.Count > 0) links.ToProgrammes.Add(id);
            if (course.LinkedOutcomes.Count > 0) links.ToOutcomes.Add(id);
        }
        return links;
    }

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
