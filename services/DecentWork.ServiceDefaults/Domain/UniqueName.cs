using System.Text;

namespace DecentWork.ServiceDefaults;

/// <summary>
/// The key a must-be-unique name is compared by: Unicode NFKC (so "Ｅuropean" is "European"),
/// case folded, and any run of white space (tabs, no-break spaces, ...) one space, trimmed. So
/// "European Union", "EUROPEAN  UNION" and "Ｅuropean Union" are one name. Stored beside the name
/// with a unique index on it.
/// </summary>
public static class UniqueName
{
    public static string Key(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToUpperInvariant().ToLowerInvariant().ToUpperInvariant();
        var key = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var original in folded)
        {
            // Full-width forms folded by hand too: where .NET runs without ICU (invariant
            // globalisation), Normalize leaves non-ASCII text as it is.
            var c = original is >= '\uFF01' and <= '\uFF5E' ? char.ToUpperInvariant((char)(original - 0xFEE0)) : original == '\u3000' ? ' ' : original;
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                pendingSpace = key.Length > 0;
                continue;
            }
            if (pendingSpace) key.Append(' ');
            pendingSpace = false;
            key.Append(c);
        }
        return key.ToString();
    }
}
