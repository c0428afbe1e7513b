using System.Globalization;

namespace DecentWork.Programming.Domain;

/// <summary>One part of an indicator's actual: the value for one category of one dimension (e.g. sex: female = 40).</summary>
public sealed class ActualPart
{
    public string Dimension { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Value { get; set; }
}

/// <summary>
/// The dimensions an actual may be broken down by, and the rules a breakdown keeps. A small fixed
/// list rather than free text, so that parts from different countries and years can be added up
/// and a complete breakdown can be recognised (and checked against the total).
/// </summary>
public static class ActualBreakdown
{
    public const string Sex = "sex";
    public const string AgeGroup = "age_group";
    public const string Disability = "disability";
    public const int MaxParts = 30;

    /// <summary>Dimension → its categories. Age groups are the ILOSTAT aggregate bands.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Categories = new Dictionary<string, string[]>
    {
        [Sex] = ["female", "male", "other_or_not_reported"],
        [AgeGroup] = ["under_15", "15_24", "25_54", "55_64", "65_plus", "not_reported"],
        [Disability] = ["with_disability", "without_disability", "not_reported"],
    };

    public static bool IsKnown(string dimension, string category) =>
        Categories.TryGetValue(dimension, out var categories) && categories.Contains(category);

    /// <summary>Lower-cased and trimmed, in the order given (so a violation can name the caller's index).</summary>
    public static List<ActualPart> Clean(IEnumerable<ActualPart> parts) =>
        [.. parts.Select(p => new ActualPart { Dimension = p.Dimension.Trim().ToLowerInvariant(), Category = p.Category.Trim().ToLowerInvariant(), Value = p.Value })];

    /// <summary>Cleaned, in dimension then category order, so equal breakdowns are stored alike.</summary>
    public static List<ActualPart> Normalise(IEnumerable<ActualPart> parts) =>
    [
        .. Clean(parts)
            .OrderBy(p => p.Dimension, StringComparer.Ordinal)
            .ThenBy(p => Categories.TryGetValue(p.Dimension, out var c) ? Array.IndexOf(c, p.Category) : int.MaxValue),
    ];

    /// <summary>
    /// What is wrong with a breakdown of <paramref name="actual"/>, as (field, description). Qualitative
    /// actuals have no parts. For a number indicator the parts of a dimension never exceed the
    /// total, and add up to it exactly when every category of the dimension is given; percentages
    /// (the share within each group) do not add up, so only the per-part rules apply to them.
    /// </summary>
    public static IEnumerable<(string Field, string Description)> Problems(IndicatorKind kind, string actual, IReadOnlyList<ActualPart> parts)
    {
        if (parts.Count == 0) yield break;
        if (kind == IndicatorKind.Qualitative)
        {
            yield return ("breakdown", "is only for number and percentage indicators");
            yield break;
        }
        if (parts.Count > MaxParts) yield return ("breakdown", $"must have at most {MaxParts} parts");
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (!Categories.TryGetValue(part.Dimension, out var categories))
                yield return ($"breakdown[{i}].dimension", $"must be one of {string.Join(", ", Categories.Keys)}");
            else if (!categories.Contains(part.Category))
                yield return ($"breakdown[{i}].category", $"must be one of {string.Join(", ", categories)} for {part.Dimension}");
            else if (parts.Take(i).Any(p => p.Dimension == part.Dimension && p.Category == part.Category))
                yield return ($"breakdown[{i}].category", $"{part.Dimension} {part.Category} is given twice");
            if (part.Value < 0) yield return ($"breakdown[{i}].value", "must not be negative");
        }
        if (kind != IndicatorKind.Number || !Programme.TryParseValue(actual, out var total)) yield break;
        foreach (var dimension in parts.Where(p => Categories.ContainsKey(p.Dimension)).GroupBy(p => p.Dimension))
        {
            var sum = dimension.Sum(p => p.Value);
            var complete = Categories[dimension.Key].All(c => dimension.Any(p => p.Category == c));
            if (complete && sum != total)
                yield return ("breakdown", $"the {dimension.Key} parts add up to {Format(sum)}, not the actual {Format(total)}");
            else if (!complete && sum > total)
                yield return ("breakdown", $"the {dimension.Key} parts add up to {Format(sum)}, more than the actual {Format(total)}");
        }
    }

    /// <summary>" (sex: female 40, male 60)" for history; empty without parts.</summary>
    public static string Describe(IReadOnlyList<ActualPart> parts) => parts.Count == 0 ? "" :
        " (" + string.Join("; ", parts.GroupBy(p => p.Dimension).Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => $"{p.Category} {Format(p.Value)}"))}")) + ")";

    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
