using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>Conversions between proto well-known types and the domain's own types. Money is decimal, never double.</summary>
public static class ProtoConvert
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static Money ToMoney(decimal amount, string currency = "USD")
    {
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * NanosPerUnit) };
    }

    public static decimal ToDecimal(Money money) => money.Units + money.Nanos / NanosPerUnit;

    /// <summary>Checks the google.type.Money invariants: units and nanos share a sign, |nanos| &lt; 1e9.</summary>
    public static bool IsWellFormed(Money money) =>
        money.Nanos is > -1_000_000_000 and < 1_000_000_000
        && !(money.Units > 0 && money.Nanos < 0) && !(money.Units < 0 && money.Nanos > 0);

    public static Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>Null when the date is missing, partial or not a real calendar day.</summary>
    public static DateOnly? ToDateOnly(Date? date)
    {
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1) return null;
        return date.Day <= System.DateTime.DaysInMonth(date.Year, date.Month) ? new DateOnly(date.Year, date.Month, date.Day) : null;
    }

    public static Timestamp ToTimestamp(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    /// <summary>Parses a resource id; null when it is not a UUID.</summary>
    public static Guid? ToId(string? id) => Guid.TryParse(id, out var parsed) && parsed != Guid.Empty ? parsed : null;
}
