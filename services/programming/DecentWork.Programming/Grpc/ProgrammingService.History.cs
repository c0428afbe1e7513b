using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage.History;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// GetProgrammeHistory's field-level part: the store's history records (one per saved version)
/// joined to the programme's own entries by version. A version saved with a record but no entry of
/// its own (a consumer's or a migration's save) gets an entry made from the record.
/// </summary>
public sealed partial class ProgrammingService
{
    private async Task<List<(Contract.HistoryEntry Entry, string Key)>> HistoryWithFieldChangesAsync(Programme programme, CancellationToken cancellationToken)
    {
        var records = await FieldHistoryAsync(programme.Id, cancellationToken);
        var entries = (await HistoryOfAsync(programme, cancellationToken)).Select(e => (Entry: ToProto(e.Entry), e.Key)).ToList();
        var described = new HashSet<long>();
        foreach (var (entry, _) in entries)
            if (entry.Version > 0 && records.TryGetValue(entry.Version, out var record) && described.Add(entry.Version))
                entry.Changes.AddRange(HistoryPaging.ToProto(record).Changes);
        entries.AddRange(records.Values.Where(r => !described.Contains(r.Version))
            .Select(r => (Entry: EntryOf(r), Key: $"{r.At.UtcTicks:D19}|0|v{r.Version:D19}")));
        return [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every field-level record of the programme by version, read in bounded chunks.</summary>
    private async Task<Dictionary<long, HistoryRecord>> FieldHistoryAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        const int chunk = 200;
        var all = new Dictionary<long, HistoryRecord>();
        for (var after = 0L; ;)
        {
            var read = await programmes.ReadHistoryAsync(programmeId, after, chunk, cancellationToken);
            foreach (var record in read) all[record.Version] = record;
            if (read.Count < chunk) return all;
            after = read[^1].Version;
        }
    }

    private static Contract.HistoryEntry EntryOf(HistoryRecord record)
    {
        var entry = new Contract.HistoryEntry
        {
            Version = record.Version,
            Action = record.Action,
            Detail = record.Changes.Count == 0 ? "" : "Changed " + string.Join(", ", record.Changes.Select(c => c.Path).Take(10)),
            ChangedBy = record.ActorName == record.ActorSubject ? record.ActorSubject : $"{record.ActorName} ({record.ActorSubject})",
            ChangedAt = ProtoConvert.ToTimestamp(record.At),
            ChangedBySubject = record.ActorSubject,
            ChangedByName = record.ActorName,
        };
        entry.Changes.AddRange(HistoryPaging.ToProto(record).Changes);
        return entry;
    }
}
