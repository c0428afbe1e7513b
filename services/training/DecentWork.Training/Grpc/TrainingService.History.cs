using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Common = DecentWork.Contracts.Common.V1;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>The history routes, each scoped as the resource's Get is.</summary>
public sealed partial class TrainingService
{
    /// <summary>The edition's field that holds participants' names and e-mail addresses (and their fellowships).</summary>
    private const string EnrolmentsPath = "enrolments";

    [Authorize(Policy = AccessPolicies.TrainingRead)]
    public override async Task<Common.HistoryPage> GetCourseHistory(Contract.GetCourseHistoryRequest request, ServerCallContext context)
    {
        var (id, page) = HistoryPaging.Parse(request.CourseId, "course_id", request.PageSize, request.PageToken);
        return await _courses.HistoryOfExistingAsync(id, page, "Course", context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.TrainingRead)]
    public override async Task<Common.HistoryPage> GetEditionHistory(Contract.GetEditionHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();
        var edition = await FindEditionAsync(courseId, editionId, context.CancellationToken);
        var history = await _editions.HistoryPageAsync(edition.Id, page, context.CancellationToken);
        // GetEdition shows a country office only its own countries' enrolments. A change to an
        // enrolment names no country in its path, so such callers see no enrolment changes at all.
        if (Caller.From(context).CountryScope(Roles.TrainingCentre, Roles.ProgrammeStaff, Roles.Auditor) is not null)
            foreach (var record in history.Records)
            {
                var kept = record.Changes.Where(c => !IsUnder(c.Path, EnrolmentsPath)).ToList();
                record.Changes.Clear();
                record.Changes.AddRange(kept);
            }
        return history;
    }

    private static bool IsUnder(string path, string field) =>
        path == field || path.StartsWith(field + "[", StringComparison.Ordinal) || path.StartsWith(field + ".", StringComparison.Ordinal);
}
