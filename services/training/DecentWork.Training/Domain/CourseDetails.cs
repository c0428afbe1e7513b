using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
namespace DecentWork.Training.Domain;

/// <summary>
/// The optional catalogue description of a course. Everything may be empty, so a course published
/// with code and title only (the original PublishCourse) is still a valid course.
/// </summary>
public sealed record CourseDetails(
    string Description,
    IReadOnlyList<CourseTheme> Themes,
    IReadOnlyList<ConstituentGroup> TargetGroups,
    IReadOnlyList<DeliveryMode> DeliveryModes,
    IReadOnlyList<string> Languages,
    int DurationDays)
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxDurationDays = 365;

    public static readonly CourseDetails None = new("", [], [], [], [], 0);

    public static bool IsValidDescription(string? description) => (description?.Trim().Length ?? 0) <= MaxDescriptionLength;

    /// <summary>An ISO 639-1 code: two ASCII letters, any case.</summary>
    /// <summary>An ISO 639-1 code as the IATI Language codelist has it (two lower-case letters, e.g. "en"), not just any two letters.</summary>
    public static bool IsValidLanguage(string? language) => Codelists.Language.Allows(language?.ToLowerInvariant());

    public static bool IsValidDuration(int days) => days is >= 0 and <= MaxDurationDays;

    /// <summary>The first rule this description breaks, or null when it is valid.</summary>
    public string? Problem()
    {
        if (!IsValidDescription(Description)) return $"A course description is at most {MaxDescriptionLength} characters.";
        if (!IsValidDuration(DurationDays)) return $"A course lasts 0-{MaxDurationDays} days (0 when not given).";
        if (Languages.FirstOrDefault(l => !IsValidLanguage(l)) is { } language) return $"{Quote.Prefix(language)} is not an ISO 639-1 language code.";
        if (Themes.Any(t => !Enum.IsDefined(t)) || TargetGroups.Any(g => !Enum.IsDefined(g)) || DeliveryModes.Any(d => !Enum.IsDefined(d)))
            return "A course's themes, target groups and delivery modes must be known values.";
        return null;
    }
}
