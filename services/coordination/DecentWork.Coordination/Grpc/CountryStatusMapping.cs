using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Google.Protobuf.Collections;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

internal static class CountryStatusMapping
{
    public static Contract.CountryStatus ToProto(CountryStatus status) => new()
    {
        CountryCode = status.CountryCode,
        LeastDeveloped = { status.LeastDeveloped.Select(ToProto) },
        Crises = { status.Crises.Select(ToProto) },
        Revision = status.Revision,
        Version = status.Version,
        Changes =
        {
            status.Changes.Select(c => new Contract.CountryStatusChange
            {
                Revision = c.Revision, ChangedAt = ProtoConvert.ToTimestamp(c.ChangedAt), ChangedBy = c.ChangedBy, Reason = c.Reason,
            }),
        },
    };

    private static Contract.CountryStatusPeriod ToProto(StatusPeriod period) => new()
    {
        From = ProtoConvert.ToDate(period.From),
        Until = period.Until is { } until ? ProtoConvert.ToDate(until) : null,
        Note = period.Note,
    };

    /// <summary>The periods of one list, each field checked ("crises[1].until"), then the list as a whole.</summary>
    public static List<StatusPeriod> Periods(RepeatedField<Contract.CountryStatusPeriod> periods, string field, int max, FieldViolations violations)
    {
        var parsed = new List<StatusPeriod>();
        violations.Check(periods.Count > max, field, $"must list at most {max} periods");
        for (var i = 0; i < periods.Count && i < max; i++)
        {
            var period = periods[i];
            var from = DateFields.Required(period.From, $"{field}[{i}].from", CountryStatusRules.FirstYear, CountryStatusRules.LastYear, violations);
            var until = DateFields.Optional(period.Until, $"{field}[{i}].until", CountryStatusRules.FirstYear, CountryStatusRules.LastYear, violations);
            var wellFormed = from is not null && (period.Until is null || until is not null);
            wellFormed &= violations.Check(until <= from, $"{field}[{i}].until", "must be after from");
            wellFormed &= violations.Check(period.Note.Trim().Length > CountryStatusRules.MaxNoteLength, $"{field}[{i}].note", $"must be at most {CountryStatusRules.MaxNoteLength} characters");
            if (wellFormed) parsed.Add(new StatusPeriod { From = from!.Value, Until = until, Note = period.Note });
        }
        // The list as a whole (overlaps) is judged only when every period in it is well formed.
        if (parsed.Count == periods.Count && CountryStatusRules.Problem(parsed, max) is { } problem)
            violations.Add(field, problem);
        return parsed;
    }
}
