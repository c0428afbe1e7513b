using System.Globalization;
using DecentWork.Portal.Gateway;

namespace DecentWork.Portal.Components.Shared;

/// <summary>Date inputs give "yyyy-MM-dd" or nothing; the API wants google.type.Date (and says so at the field when missing).</summary>
public static class FormDates
{
    public static DateValue? Parse(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateValue.Of(date) : null;
}
