using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace DecentWork.ServiceDefaults.Reference;

/// <summary>One code of a codelist; withdrawn codes stay known so old records still read, but new input must not use them.</summary>
public sealed record CodelistItem(string Code, string Name, bool Withdrawn);

/// <summary>
/// An IATI 2.03 codelist, copied into the assembly (Reference/Codelists/*.tsv: code, English name,
/// status) so that validation and exports need nothing outside the service at run time. The copies
/// come unchanged from the IATI-Codelists repository; a test compares them with the originals.
/// Several lists are the ISO standards they replicate: Currency is ISO 4217, Language ISO 639-1,
/// Country ISO 3166-1 alpha-2.
/// </summary>
public sealed class Codelist
{
    private readonly FrozenDictionary<string, CodelistItem> _items;

    private Codelist(string name, IEnumerable<CodelistItem> items)
    {
        Name = name;
        _items = items.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>The IATI name of the list, e.g. "Currency".</summary>
    public string Name { get; }

    public IReadOnlyCollection<CodelistItem> Items => _items.Values;

    /// <summary>True when the code is in the list and not withdrawn: what new input may use. Codes are case-sensitive, as IATI's are.</summary>
    public bool Allows(string? code) => code is not null && _items.TryGetValue(code, out var item) && !item.Withdrawn;

    public CodelistItem? Find(string? code) => code is not null && _items.TryGetValue(code, out var item) ? item : null;

    public static Codelist Load(string name)
    {
        var assembly = typeof(Codelist).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Codelists/{name}.tsv")
            ?? throw new ArgumentException($"No codelist named {name} is embedded.", nameof(name));
        using var reader = new StreamReader(stream);
        var items = new List<CodelistItem>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var columns = line.Split('\t');
            items.Add(new CodelistItem(columns[0], columns[1], columns[2] == "withdrawn"));
        }
        return new Codelist(name, items);
    }
}

/// <summary>The codelists the platform validates against, each loaded once on first use.</summary>
public static class Codelists
{
    private static readonly ConcurrentDictionary<string, Codelist> _loaded = new(StringComparer.Ordinal);

    /// <summary>ISO 4217 currencies.</summary>
    public static Codelist Currency => Named("Currency");

    /// <summary>ISO 639-1 languages (two lower-case letters).</summary>
    public static Codelist Language => Named("Language");

    /// <summary>OECD DAC 5-digit purpose codes.</summary>
    public static Codelist Sector => Named("Sector");

    /// <summary>OECD DAC policy markers (1 gender equality … 11 disability).</summary>
    public static Codelist PolicyMarker => Named("PolicyMarker");

    /// <summary>Significance of a policy marker: 0 not targeted, 1 significant, 2 principal, ….</summary>
    public static Codelist PolicySignificance => Named("PolicySignificance");

    public static Codelist SdgGoals => Named("UNSDG-Goals");

    public static Codelist SdgTargets => Named("UNSDG-Targets");

    public static Codelist DocumentCategory => Named("DocumentCategory");

    /// <summary>Any embedded list by its IATI name (e.g. "OrganisationRole").</summary>
    public static Codelist Named(string name) => _loaded.GetOrAdd(name, Codelist.Load);

    /// <summary>The names of every embedded list.</summary>
    public static IEnumerable<string> EmbeddedNames() =>
        typeof(Codelist).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Codelists/", StringComparison.Ordinal))
            .Select(n => n["Codelists/".Length..^".tsv".Length]);
}
