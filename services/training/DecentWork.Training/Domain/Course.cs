using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>A course in the Turin Centre catalogue and the DWCPs (and their outcomes) it is designed to support.</summary>
public sealed partial class Course : Aggregate
{
    public const int MinCodeLength = 2;
    public const int MaxCodeLength = 20;
    public const int MaxTitleLength = 300;

    private Course() { }

    /// <summary>Upper-case, so "a901" and "A901" are one code to the unique index.</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    /// <summary>Programmes linked as a whole or through one of their outcomes.</summary>
    public List<Guid> LinkedProgrammeIds { get; private set; } = [];
    /// <summary>The country programme outcomes the course is designed to serve.</summary>
    public List<OutcomeLink> LinkedOutcomes { get; private set; } = [];
    public string Description { get; private set; } = "";
    public List<CourseTheme> Themes { get; private set; } = [];
    public List<ConstituentGroup> TargetGroups { get; private set; } = [];
    public List<DeliveryMode> DeliveryModes { get; private set; } = [];
    /// <summary>ISO 639-1, lower case.</summary>
    public List<string> Languages { get; private set; } = [];
    /// <summary>0 when not given.</summary>
    public int DurationDays { get; private set; }

    /// <summary>Lower-case code, title and description, for the catalogue's text search (see <see cref="CourseSearch"/>).</summary>
    public string SearchText { get; private set; } = "";
    /// <summary>Lower-case facets ("|theme:employment|lang:en|..."), for the catalogue's filters.</summary>
    public string SearchFacets { get; private set; } = "";
    /// <summary>
    /// The linked programme ids as "|id|id|" (ids without dashes): both stores translate
    /// string.Contains, so "courses linked to programme X" is one query (see <see cref="CourseSearch"/>).
    /// </summary>
    public string LinkedProgrammeKeys { get; private set; } = "|";

    public static string ProgrammeKey(Guid programmeId) => ProgrammeKeys.Key(programmeId);

    /// <summary>2-20 ASCII letters, digits or dashes; case is not significant.</summary>
    public static bool IsValidCode(string? code) =>
        code is not null && NormaliseCode(code) is { Length: >= MinCodeLength and <= MaxCodeLength } key
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The form a code is stored and compared in.</summary>
    /// <summary>The unique-code key (<see cref="UniqueName"/>): NFKC first, so a full-width "ＴＣ-1" is "TC-1", then upper case.</summary>
    public static string NormaliseCode(string code) => UniqueName.Key(code);

    public static bool IsValidTitle(string? title) =>
        title?.Trim() is { Length: >= 1 and <= MaxTitleLength };

    public static Course Publish(string code, string title, DateTimeOffset now, CourseDetails? details = null)
    {
        var course = new Course { Id = Guid.NewGuid(), PublishedAt = now };
        course.Describe(code, title, details ?? CourseDetails.None);
        // The platform's search (coordination) indexes the catalogue from this event; it travels through the outbox with the save.
        course.Announce(now);
        return course;
    }

    /// <summary>Sets the catalogue entry, checked; the rules PublishCourse and ChangeCourse share.</summary>
    private void Describe(string code, string title, CourseDetails details)
    {
        if (!IsValidCode(code))
            throw new DomainRuleException($"A course code is {MinCodeLength}-{MaxCodeLength} letters, digits or dashes; {Quote.Prefix(code)} is not.");
        if (!IsValidTitle(title))
            throw new DomainRuleException($"A course needs a title of 1-{MaxTitleLength} characters.");
        if (details.Problem() is { } problem) throw new DomainRuleException(problem);
        // Duplicates carry no meaning in a catalogue entry; keeping the first of each keeps the caller's order.
        var languages = details.Languages.Select(l => l.ToLowerInvariant()).Distinct().ToList();
        Code = NormaliseCode(code);
        Title = title.Trim();
        Description = details.Description.Trim();
        Themes = details.Themes.Distinct().ToList();
        TargetGroups = details.TargetGroups.Distinct().ToList();
        DeliveryModes = details.DeliveryModes.Distinct().ToList();
        Languages = languages;
        DurationDays = details.DurationDays;
        SearchText = CourseSearch.Text(Code, Title, Description);
        SearchFacets = CourseSearch.Facets(details with { Languages = languages });
    }

    /// <summary>Links this course to a programme training knows of; false (nothing changed) when already linked.</summary>
    public bool LinkTo(KnownProgramme programme, DateTimeOffset now, string? changedBy = null)
    {
        if (!AddProgramme(programme.Id)) return false;
        WholeProgrammeIds.Add(programme.Id);
        Raise(new CourseLinkedToProgramme(Id, programme.Id, null, now, changedBy));
        return true;
    }

    /// <summary>
    /// Links this course to one of a programme's outcomes, and so to the programme. The outcome
    /// must be known to training and not withdrawn; false (nothing changed) when already linked.
    /// </summary>
    public bool LinkTo(KnownProgramme programme, Guid outcomeId, DateTimeOffset now, string? changedBy = null)
    {
        var outcome = programme.LinkableOutcome(outcomeId);
        if (LinkedOutcomes.Any(l => l.OutcomeId == outcomeId)) return false;
        LinkedOutcomes.Add(OutcomeLink.To(programme, outcome, now));
        AddProgramme(programme.Id);
        Raise(new CourseLinkedToProgramme(Id, programme.Id, outcomeId, now, changedBy));
        return true;
    }

    private bool AddProgramme(Guid programmeId)
    {
        if (LinkedProgrammeIds.Contains(programmeId)) return false;
        LinkedProgrammeIds.Add(programmeId);
        LinkedProgrammeKeys = ProgrammeKeys.Of(LinkedProgrammeIds);
        return true;
    }
}
