using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>The steps every change RPC shares: load, check the caller's version, apply, save, answer.</summary>
public sealed partial class ProgrammingService
{
    public const int MaxChangedByLength = 200;
    public const string UserHeader = "x-user";

    /// <summary>
    /// Validates the id, version and author alongside the RPC's own violations (all reported at
    /// once), then applies the aggregate method and saves it with its events and history entry.
    /// </summary>
    private async Task<Contract.Programme> ChangeAsync(string programmeId, long expectedVersion, string changedBy,
        FieldViolations violations, ServerCallContext context, Func<Programme, Change, Task> apply)
    {
        var id = ProtoConvert.ToId(programmeId);
        violations.Check(id is null, "programme_id", "must be a UUID");
        violations.Check(expectedVersion < 0, "expected_version", "must not be negative");
        violations.Check(changedBy.Length > MaxChangedByLength, "changed_by", $"must be at most {MaxChangedByLength} characters");
        violations.ThrowIfAny();

        var programme = await programmes.FindAsync(id!.Value, context.CancellationToken)
            ?? throw new NotFoundException("Programme", programmeId);
        if (expectedVersion != 0 && expectedVersion != programme.Version)
            throw new ConcurrencyConflictException("programmes", programme.Id);
        await apply(programme, new Change(Author(changedBy, context), clock.GetUtcNow()));
        await programmes.SaveAsync(programme, cancellationToken: context.CancellationToken);
        return ToProto(programme);
    }

    private Task<Contract.Programme> ChangeAsync(string programmeId, long expectedVersion, string changedBy,
        FieldViolations violations, ServerCallContext context, Action<Programme, Change> apply) =>
        ChangeAsync(programmeId, expectedVersion, changedBy, violations, context, (p, c) =>
        {
            apply(p, c);
            return Task.CompletedTask;
        });

    /// <summary>
    /// The request's changed_by, else the x-user header (set by the portal or a partner's proxy),
    /// else "unknown". The platform has no authentication yet, so this is a claim, not a proof.
    /// </summary>
    private static string Author(string changedBy, ServerCallContext context)
    {
        if (!string.IsNullOrWhiteSpace(changedBy)) return changedBy.Trim();
        var header = context.RequestHeaders.GetValue(UserHeader)?.Trim();
        if (string.IsNullOrEmpty(header)) return "unknown";
        // A header is not validated like a field (the caller may not control it), so it is cut, not refused.
        return header.Length <= MaxChangedByLength ? header : header[..MaxChangedByLength];
    }

    /// <summary>The highest approval sequence taken in the country; 0 when none of its programmes was approved.</summary>
    private async Task<int> LastApprovalSequenceAsync(string countryCode, CancellationToken cancellationToken)
    {
        var last = await programmes.QueryAsync(p => p.CountryCode == countryCode && p.ApprovalSequence > 0,
            new SortOrder<Programme>(p => p.ApprovalSequence, Descending: true), 0, 1, cancellationToken);
        return last.Count == 0 ? 0 : last[0].ApprovalSequence;
    }

    /// <summary>The country's binding (approved or active) programmes, which the overlap rule checks against.</summary>
    private async Task<IReadOnlyList<Programme>> BindingProgrammesAsync(string countryCode, CancellationToken cancellationToken)
    {
        var found = new List<Programme>();
        foreach (var status in new[] { ProgrammeStatus.Approved, ProgrammeStatus.Active })
            found.AddRange(await programmes.QueryAsync(p => p.CountryCode == countryCode && p.Status == status,
                new SortOrder<Programme>(p => p.SortKey), 0, Page.MaxSize, cancellationToken));
        return found;
    }
}
