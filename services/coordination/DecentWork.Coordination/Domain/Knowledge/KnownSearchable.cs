using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// This service's view of a TC project (partnerships) or a course (training), reduced to what the
/// search shows: its words, its country and whether it is still to be found. Same id as the
/// original; replaced whole by each newer event (by revision), so a late or repeated one changes nothing.
/// </summary>
public sealed class KnownSearchable : Aggregate
{
    private KnownSearchable() { }

    /// <summary><see cref="SearchIndex.Project"/> or <see cref="SearchIndex.Course"/>.</summary>
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public List<string> Texts { get; private set; } = [];

    /// <summary>The one country it serves; empty for several countries or none (found by every scope).</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>yyyymmdd, for ties (see <see cref="SearchIndex"/>).</summary>
    public int Date { get; private set; }

    public bool Withdrawn { get; private set; }

    /// <summary>The owner's revision of the state held (see ProjectPublished.Revision).</summary>
    public int Revision { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static KnownSearchable From(ProjectPublished project) => new()
    {
        Id = project.ProjectId,
        Kind = SearchIndex.Project,
        Title = project.Title,
        Texts = [project.Code],
        // A multi-country project belongs to no single country office's scope: global, like a regional item.
        CountryCode = project.CountryCodes is [var only] ? only.ToUpperInvariant() : "",
        Date = KnowledgeItem.DateKey(project.StartDate),
        Withdrawn = project.Withdrawn,
        Revision = project.Revision,
        ChangedAt = project.ChangedAt,
    };

    public static KnownSearchable From(CoursePublished course) => new()
    {
        Id = course.CourseId,
        Kind = SearchIndex.Course,
        Title = course.Title,
        Texts = [course.Code, course.Description],
        Date = KnowledgeItem.DateKey(DateOnly.FromDateTime(course.PublishedAt.UtcDateTime)),
        Withdrawn = course.Withdrawn,
        Revision = course.Revision,
        ChangedAt = course.ChangedAt,
    };

    /// <summary>Takes the newer state's content; false (nothing to save) when it is not newer than this one.</summary>
    public bool Replace(KnownSearchable newer)
    {
        if (newer.Id != Id || newer.Kind != Kind)
            throw new ArgumentException("Not the same searchable thing.", nameof(newer));
        if (newer.Revision <= Revision) return false;
        (Title, Texts, CountryCode, Date, Withdrawn, Revision, ChangedAt) =
            (newer.Title, newer.Texts, newer.CountryCode, newer.Date, newer.Withdrawn, newer.Revision, newer.ChangedAt);
        return true;
    }
}

/// <summary>TC projects and courses not withdrawn, by their title (title words) and code or description.</summary>
public sealed class SearchableProjection : Projection<KnownSearchable>
{
    public const string ProjectionName = "search-projects-courses";
    public override string Name => ProjectionName;

    public override void Contribute(KnownSearchable state, Contributions contributions)
    {
        if (state.Withdrawn) return;
        SearchIndex.Contribute(contributions, state.Kind, state.Id, state.CountryCode, state.Date, state.Title, state.Texts);
    }
}
