using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>Course proto messages to domain values and back, with the field checks the proto documents.</summary>
internal static class CourseMapping
{
    public static CourseDetails ToDetails(Contract.PublishCourseRequest request, FieldViolations violations)
    {
        violations.Check(!CourseDetails.IsValidDescription(request.Description), "description",
            $"must be at most {CourseDetails.MaxDescriptionLength} characters");
        violations.Check(!CourseDetails.IsValidDuration(request.DurationDays), "duration_days", $"must be 0-{CourseDetails.MaxDurationDays}");
        violations.Check(request.Languages.Any(l => !CourseDetails.IsValidLanguage(l)), "languages", "must be ISO 639-1 codes (two letters)");
        return new CourseDetails(
            request.Description,
            Known<Contract.CourseTheme, CourseTheme>(request.Themes, "themes", violations),
            Known<Contract.ConstituentGroup, ConstituentGroup>(request.TargetGroups, "target_groups", violations),
            Known<Contract.DeliveryMode, DeliveryMode>(request.DeliveryModes, "delivery_modes", violations),
            request.Languages.ToList(),
            request.DurationDays);
    }

    /// <summary>ChangeCourse's new entry in PublishCourse's shape, so both are checked by the same code with the same field names.</summary>
    public static Contract.PublishCourseRequest ToPublishRequest(Contract.ChangeCourseRequest request) => new()
    {
        Code = request.Code, Title = request.Title, Description = request.Description, Themes = { request.Themes }, TargetGroups = { request.TargetGroups },
        DeliveryModes = { request.DeliveryModes }, Languages = { request.Languages }, DurationDays = request.DurationDays,
    };

    /// <summary>The catalogue search: only the filters the request sets, each one the stores can translate (see CourseSearch).</summary>
    public static Expression<Func<Course, bool>> ToFilter(Contract.ListCoursesRequest request, FieldViolations violations)
    {
        violations.Check(!CourseSearch.IsValidText(request.Text), "text", $"must be at most {CourseSearch.MaxTextLength} characters, without % or _");
        violations.Check(request.Language.Length > 0 && !CourseDetails.IsValidLanguage(request.Language), "language", "must be an ISO 639-1 code");
        var theme = Optional<Contract.CourseTheme, CourseTheme>(request.Theme, "theme", violations);
        var delivery = Optional<Contract.DeliveryMode, DeliveryMode>(request.DeliveryMode, "delivery_mode", violations);
        var group = Optional<Contract.ConstituentGroup, ConstituentGroup>(request.TargetGroup, "target_group", violations);

        // Each value is computed into a local first so the expression holds a constant, not a call.
        var text = CourseSearch.NormaliseText(request.Text);
        var themeFacet = theme is { } t ? CourseSearch.Theme(t) : "";
        var deliveryFacet = delivery is { } d ? CourseSearch.Delivery(d) : "";
        var groupFacet = group is { } g ? CourseSearch.TargetGroup(g) : "";
        var languageFacet = CourseSearch.Language(request.Language);
        return Filter.All<Course>(
            // "!= true", not "!Withdrawn": a course stored before withdrawal existed has no such field, and both stores match it.
            request.IncludeWithdrawn ? null : c => c.Withdrawn != true,
            text.Length > 0 ? c => c.SearchText.Contains(text) : null,
            themeFacet.Length > 0 ? c => c.SearchFacets.Contains(themeFacet) : null,
            deliveryFacet.Length > 0 ? c => c.SearchFacets.Contains(deliveryFacet) : null,
            groupFacet.Length > 0 ? c => c.SearchFacets.Contains(groupFacet) : null,
            request.Language.Length > 0 ? c => c.SearchFacets.Contains(languageFacet) : null);
    }

    /// <summary>The edition start range as day numbers, or null when the request sets neither end.</summary>
    public static (int From, int To)? ToEditionRange(Contract.ListCoursesRequest request, FieldViolations violations)
    {
        var from = ProtoConvert.ToDateOnly(request.EditionStartsFrom);
        var to = ProtoConvert.ToDateOnly(request.EditionStartsTo);
        violations.Check(request.EditionStartsFrom is not null && from is null, "edition_starts_from", "must be a full calendar date");
        violations.Check(request.EditionStartsTo is not null && to is null, "edition_starts_to", "must be a full calendar date");
        violations.Check(from is not null && to is not null && to < from, "edition_starts_to", "must not be before edition_starts_from");
        if (from is null && to is null) return null;
        return (from?.DayNumber ?? DateOnly.MinValue.DayNumber, to?.DayNumber ?? DateOnly.MaxValue.DayNumber);
    }

    /// <summary>Enum values a client sent, or a violation when one is unspecified or unknown to this version.</summary>
    public static List<TDomain> Known<TProto, TDomain>(IEnumerable<TProto> values, string field, FieldViolations violations)
        where TProto : struct, Enum where TDomain : struct, Enum
    {
        var mapped = values.Select(v => (TDomain)(object)Convert.ToInt32(v)).ToList();
        violations.Check(mapped.Any(v => !Enum.IsDefined(v)), field, "must hold only known values, none unspecified");
        return mapped;
    }

    /// <summary>An optional enum filter: null when unspecified, a violation when unknown.</summary>
    public static TDomain? Optional<TProto, TDomain>(TProto value, string field, FieldViolations violations)
        where TProto : struct, Enum where TDomain : struct, Enum
    {
        var number = Convert.ToInt32(value);
        if (number == 0) return null;
        var mapped = (TDomain)(object)number;
        return violations.Check(!Enum.IsDefined(mapped), field, "is not a known value") ? mapped : null;
    }

    public static Contract.Course ToProto(Course course) => new()
    {
        Id = course.Id.ToString(),
        Code = course.Code,
        Title = course.Title,
        LinkedProgrammeIds = { course.LinkedProgrammeIds.Select(id => id.ToString()) },
        PublishedAt = ProtoConvert.ToTimestamp(course.PublishedAt),
        Version = course.Version,
        Description = course.Description,
        Themes = { course.Themes.Select(t => (Contract.CourseTheme)(int)t) },
        TargetGroups = { course.TargetGroups.Select(g => (Contract.ConstituentGroup)(int)g) },
        DeliveryModes = { course.DeliveryModes.Select(d => (Contract.DeliveryMode)(int)d) },
        Languages = { course.Languages },
        DurationDays = course.DurationDays,
        LinkedOutcomes = { course.LinkedOutcomes.Select(EditionMapping.ToProto) },
        RemovedLinks = { course.RemovedLinks.Select(RemovedLinkMapping.ToProto) },
        Withdrawn = course.Withdrawn,
        WithdrawalReason = course.WithdrawalReason,
        WithdrawnBy = course.WithdrawnBy,
        WithdrawnAt = course.WithdrawnAt is { } at ? ProtoConvert.ToTimestamp(at) : null,
        ReinstatementReason = course.ReinstatementReason,
        ReinstatedBy = course.ReinstatedBy,
        ReinstatedAt = course.ReinstatedAt is { } back ? ProtoConvert.ToTimestamp(back) : null,
    };
}
