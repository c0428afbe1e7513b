using System.Globalization;
using System.Text;
using DecentWork.ServiceDefaults;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// How text becomes search words, the same for what is indexed and what is asked: NFKC and case
/// folding as unique names are compared (<see cref="UniqueName"/>), accents removed ("Égalité" is
/// "egalite"), split at anything that is not a letter or digit, a few very common English, French
/// and Spanish words dropped. Words are kept in bucket keys, which are printable ASCII: a letter
/// that is still not ASCII after folding (Arabic, Cyrillic, CJK...) is written as "~" and four hex digits.
/// </summary>
public static class SearchText
{
    public const int MaxWordLength = 40;
    public const int MaxQueryLength = 200;
    public const int MaxQueryWords = 8;
    /// <summary>The last word of a query also matches longer words it begins, from this length on.</summary>
    public const int MinPrefixLength = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or", "the", "to", "with",
        "de", "des", "du", "et", "la", "le", "les", "en", "el", "los", "las", "y", "del",
    };

    // Invariant globalisation (no ICU) leaves FormD decomposition undone, so the common Latin letters are folded by hand too.
    private static readonly Dictionary<char, string> Latin = BuildLatin();

    /// <summary>The folded text as one string: what a theme is compared by.</summary>
    public static string Fold(string text) => string.Join(' ', Words(text, dropStopWords: false));

    /// <summary>The distinct words of a text, folded, in order of first appearance; stop words dropped.</summary>
    public static IReadOnlyList<string> Words(string text, bool dropStopWords = true)
    {
        var folded = UniqueName.Key(text).ToLowerInvariant();
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var w = word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString();
            word.Clear();
            if ((!dropStopWords || !StopWords.Contains(w)) && seen.Add(w)) words.Add(w);
        }
        foreach (var c in Decompose(folded))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (c < 128) word.Append(c);
                else if (Latin.TryGetValue(c, out var plain)) word.Append(plain);
                else word.Append('~').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else Flush();
        }
        Flush();
        return words;
    }

    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (PlatformNotSupportedException)
        {
            return text;
        }
    }

    private static Dictionary<char, string> BuildLatin()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, string plain) { foreach (var c in letters) map[c] = plain; }
        Add("àáâãäåāăą", "a"); Add("çćĉċč", "c"); Add("ďđð", "d"); Add("èéêëēĕėęě", "e"); Add("ĝğġģ", "g");
        Add("ĥħ", "h"); Add("ìíîïĩīĭįı", "i"); Add("ĵ", "j"); Add("ķ", "k"); Add("ĺļľŀł", "l"); Add("ñńņň", "n");
        Add("òóôõöøōŏő", "o"); Add("ŕŗř", "r"); Add("śŝşšș", "s"); Add("ţťŧț", "t"); Add("ùúûüũūŭůűų", "u");
        Add("ŵ", "w"); Add("ýÿŷ", "y"); Add("źżž", "z"); Add("ß", "ss"); Add("æ", "ae"); Add("œ", "oe"); Add("þ", "th");
        return map;
    }
}
