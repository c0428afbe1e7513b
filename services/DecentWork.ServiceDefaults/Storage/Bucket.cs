namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// One bucket of a projection: its key (parts joined by '|', e.g. "2020|TZA") and its additive
/// figures. A bucket whose figures all fell back to zero is removed, so reports never see empty ones.
/// </summary>
public sealed record Bucket(string Key, IReadOnlyDictionary<string, decimal> Figures)
{
    public const string CountFigure = "count";

    /// <summary>The figure's value; 0 when the bucket has none of it.</summary>
    public decimal this[string figure] => Figures.GetValueOrDefault(figure);

    public long Count => (long)this[CountFigure];

    /// <summary>The key's parts, in the order the projection joined them.</summary>
    public string[] Parts => Key.Split(BucketKey.Separator);
}

/// <summary>
/// Bucket keys are printable ASCII so that their ordinal order is the same in both stores and a
/// range can end at <see cref="UpperBound"/>. Put fixed-width parts (years as D4) first so that
/// ranges of keys are ranges of years.
/// </summary>
public static class BucketKey
{
    public const char Separator = '|';

    /// <summary>Sorts after every character a key may hold.</summary>
    internal const char UpperBound = '\u007f';

    public static string Of(params string[] parts)
    {
        foreach (var part in parts)
            if (part.Contains(Separator)) throw new ArgumentException($"A bucket key part must not contain '{Separator}'.", nameof(parts));
        return string.Join(Separator, parts);
    }

    /// <summary>A year as a key part or in a figure's name: four digits, so years sort as text and a period is one key range.</summary>
    public static string Year(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    internal static void CheckKey(string key)
    {
        if (key.Length == 0 || key.Any(c => c is < ' ' or > '~'))
            throw new ArgumentException("A bucket key must be non-empty printable ASCII.", nameof(key));
    }

    internal static void CheckFigure(string figure)
    {
        // Figures become field names in MongoDB: no '.', no '$', no empty name.
        if (figure.Length == 0 || !figure.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new ArgumentException("A figure name must be ASCII letters, digits, '_' or '-'.", nameof(figure));
    }

    internal static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            throw new ArgumentException("A projection name must be ASCII letters, digits, '_', '-' or '.'.", nameof(name));
    }
}

/// <summary>The keys a report reads: From ≤ key &lt; Until, in ordinal order.</summary>
public sealed record BucketRange(string From, string Until)
{
    /// <summary>Every key starting with <paramref name="prefix"/> ("" for every bucket).</summary>
    public static BucketRange Prefix(string prefix) => new(prefix, prefix + BucketKey.UpperBound);

    /// <summary>
    /// Every key from the first starting with <paramref name="firstPrefix"/> to the last starting
    /// with <paramref name="lastPrefix"/>, e.g. Between("2001", "2010") for ten years.
    /// </summary>
    public static BucketRange Between(string firstPrefix, string lastPrefix) => new(firstPrefix, lastPrefix + BucketKey.UpperBound);

    /// <summary>Whether a read of this range returns the bucket of this key (what tests over <c>BucketsOf</c> filter with).</summary>
    public bool Contains(string key) => string.CompareOrdinal(key, From) >= 0 && string.CompareOrdinal(key, Until) < 0;
}

/// <summary>The reports' side of the projections: reads buckets, never records.</summary>
public interface IProjectionReader
{
    /// <summary>The non-empty buckets of one projection whose keys fall in the range, in key order.</summary>
    Task<IReadOnlyList<Bucket>> ReadAsync(string projection, BucketRange range, CancellationToken cancellationToken = default);
}
