namespace DecentWork.Training.Domain;

/// <summary>
/// The stored search fields of a course and the filter values that match them.
///
/// Both adapters translate string.Contains on a member: LiteDB to LIKE '%value%', MongoDB to an
/// escaped regex. Neither translates Contains on a list of enums the same way, and LiteDB's string
/// comparison is ordinal (as MongoDB's), so a course keeps two lower-case strings written at
/// publication: the text (code, title, description) and its facets, each wrapped in '|' so that
/// "|lang:en|" cannot match "|lang:eng|". LIKE treats % and _ as wildcards, which is why the
/// service refuses them in a text query instead of escaping them for one adapter only.
/// </summary>
public static class CourseSearch
{
    public const int MaxTextLength = 100;

    public static bool IsValidText(string text) =>
        text.Length <= MaxTextLength && !text.Contains('%') && !text.Contains('_');

    public static string Text(string code, string title, string description) =>
        $"{code}\n{title}\n{description}".ToLowerInvariant();

    public static string Facets(CourseDetails details) =>
        "|" + string.Concat(
            details.Themes.Select(Theme)
                .Concat(details.TargetGroups.Select(TargetGroup))
                .Concat(details.DeliveryModes.Select(Delivery))
                .Concat(details.Languages.Select(Language))
                .Select(facet => facet.Trim('|') + "|"));

    /// <summary>The form a search text is compared in.</summary>
    public static string NormaliseText(string text) => text.Trim().ToLowerInvariant();

    public static string Theme(CourseTheme theme) => $"|theme:{theme}|".ToLowerInvariant();
    public static string TargetGroup(ConstituentGroup group) => $"|group:{group}|".ToLowerInvariant();
    public static string Delivery(DeliveryMode mode) => $"|delivery:{mode}|".ToLowerInvariant();
    public static string Language(string language) => $"|lang:{language}|".ToLowerInvariant();
}
