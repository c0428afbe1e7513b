using System.Globalization;
using System.Text.Json.Serialization;

namespace DecentWork.Portal.Gateway;

/// <summary>google.type.Money as JSON.</summary>
public sealed record Money(string? CurrencyCode, long Units, int Nanos)
{
    [JsonIgnore] public decimal Amount => Units + Nanos / 1_000_000_000m;
    public static Money Usd(decimal amount) => new("USD", (long)decimal.Truncate(amount), (int)((amount - decimal.Truncate(amount)) * 1_000_000_000m));
    public override string ToString() => Amount.ToString("#,0", CultureInfo.InvariantCulture);
}

/// <summary>google.type.Date as JSON.</summary>
public sealed record DateValue(int Year, int Month, int Day)
{
    public static DateValue Of(DateTime date) => new(date.Year, date.Month, date.Day);
    public DateTime? ToDateTime() => Year > 0 && Month > 0 && Day > 0 ? new DateTime(Year, Month, Day) : null;
    public override string ToString() => $"{Year:0000}-{Month:00}-{Day:00}";
}

/// <summary>How enum names from the API (PROGRAMME_STATUS_IN_CONSULTATION) read on a page ("In consultation").</summary>
public static class Labels
{
    public static string Of(string? enumName, string prefix)
    {
        if (string.IsNullOrEmpty(enumName)) return "";
        var words = (enumName.StartsWith(prefix, StringComparison.Ordinal) ? enumName[prefix.Length..] : enumName).Replace('_', ' ').ToLowerInvariant();
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Amount(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}

/// <summary>One row of coordination's decent-work gap report (ListDecentWorkGaps).</summary>
public sealed record DecentWorkGap(string CountryCode, List<string>? ActiveUndafIds, string? Presence, List<string>? ProgrammeIds);

public sealed record DecentWorkGapList(List<DecentWorkGap>? Countries, string? NextPageToken, int TotalSize);
