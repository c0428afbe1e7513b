using System.Globalization;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.History;
using Contract = DecentWork.Contracts.Common.V1;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// What every `.../{id}/history` route answers: one keyset page of the resource's history, oldest
/// first, the token holding the last version returned. The route checks the caller may read the
/// resource first, exactly as its Get does; this only reads.
/// </summary>
public static class HistoryPaging
{
    private const string TokenPrefix = "history:";

    /// <summary>The page after <paramref name="page"/>'s token; a token another list sealed is INVALID_ARGUMENT naming page_token.</summary>
    public static async Task<Contract.HistoryPage> HistoryPageAsync<T>(this IAggregateStore<T> store, Guid id, Page page,
        CancellationToken cancellationToken) where T : Aggregate
    {
        var afterVersion = 0L;
        if (page.After is { } after && !(after.StartsWith(TokenPrefix, StringComparison.Ordinal)
                && long.TryParse(after.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out afterVersion)))
            new FieldViolations().Add("page_token", "is not a token returned by this list").ThrowIfAny();

        var total = await store.CountHistoryAsync(id, cancellationToken);
        // One more than asked tells whether a next page exists without a second query.
        var found = await store.ReadHistoryAsync(id, afterVersion, page.Size + 1, cancellationToken);
        var records = found.Take(page.Size).ToList();
        var response = new Contract.HistoryPage
        {
            TotalSize = (int)Math.Min(total, int.MaxValue),
            NextPageToken = found.Count > page.Size ? PageTokens.Seal($"{TokenPrefix}{records[^1].Version}") : "",
        };
        response.Records.AddRange(records.Select(ToProto));
        return response;
    }

    /// <summary>A history request's resource id and page, or INVALID_ARGUMENT naming each bad field.</summary>
    public static (Guid Id, Page Page) Parse(string id, string idField, int pageSize, string pageToken)
    {
        var violations = new FieldViolations();
        var parsed = ProtoConvert.ToId(id);
        violations.Check(parsed is null, idField, "must be a UUID");
        var page = Page.From(pageSize, pageToken, violations);
        violations.ThrowIfAny();
        return (parsed!.Value, page);
    }

    /// <summary>
    /// The history of a resource every reader of its Get may see (no per-caller scope): NOT_FOUND
    /// naming <paramref name="resource"/> when it does not exist, as its Get answers.
    /// </summary>
    public static async Task<Contract.HistoryPage> HistoryOfExistingAsync<T>(this IAggregateStore<T> store, Guid id, Page page, string resource,
        CancellationToken cancellationToken) where T : Aggregate
    {
        _ = await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException(resource, id);
        return await store.HistoryPageAsync(id, page, cancellationToken);
    }

    public static Contract.HistoryRecord ToProto(HistoryRecord record)
    {
        var proto = new Contract.HistoryRecord
        {
            ResourceKind = record.Kind,
            ResourceId = record.AggregateId.ToString(),
            Version = record.Version,
            ChangedAt = ProtoConvert.ToTimestamp(record.At),
            ActorSubject = record.ActorSubject,
            ActorName = record.ActorName,
            Action = record.Action,
        };
        proto.Changes.AddRange(record.Changes.Select(ToProto));
        return proto;
    }

    private static Contract.FieldChange ToProto(FieldChange change)
    {
        var proto = new Contract.FieldChange { Path = change.Path };
        if (change.Old is not null) proto.OldValue = change.Old;
        if (change.New is not null) proto.NewValue = change.New;
        return proto;
    }
}
