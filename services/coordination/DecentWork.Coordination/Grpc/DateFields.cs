using DecentWork.ServiceDefaults.Grpc;
using Google.Type;

namespace DecentWork.Coordination.Grpc;

/// <summary>Date fields checked per field: a date that is set must be a real day within the years the rule allows.</summary>
internal static class DateFields
{
    /// <summary>Null when the field is absent; null and a violation when set but not a day in firstYear-lastYear.</summary>
    public static DateOnly? Optional(Date? date, string field, int firstYear, int lastYear, FieldViolations violations)
    {
        if (date is null) return null;
        var day = ProtoConvert.ToDateOnly(date);
        var valid = day is { Year: var year } && year >= firstYear && year <= lastYear;
        violations.Check(!valid, field, $"must be a calendar date in {firstYear}-{lastYear}");
        return valid ? day : null;
    }

    /// <summary>As <see cref="Optional"/>, and absent is a violation too.</summary>
    public static DateOnly? Required(Date? date, string field, int firstYear, int lastYear, FieldViolations violations)
    {
        violations.Check(date is null, field, $"is required: a calendar date in {firstYear}-{lastYear}");
        return Optional(date, field, firstYear, lastYear, violations);
    }
}
