using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// RegisterProgramme's request ids (AIP-155): a retried call returns the programme its first
/// attempt registered instead of registering, and publishing, a second draft.
/// </summary>
public sealed partial class ProgrammingService
{
    private static void CheckRequestId(string requestId, FieldViolations violations) => violations.CheckOptionalRequestId(requestId);

    /// <summary>The programme registered with this request id; null for none or an empty id.</summary>
    private async Task<Programme?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        if (requestId.Length == 0) return null;
        var key = Programme.KeyOfRequest(requestId);
        var found = await programmes.QueryAsync(p => p.RequestKey == key, new SortOrder<Programme>(p => p.SortKey), 0, 1, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>
    /// Stores a new programme with its ProgrammeRegistered. Two calls with one request id can both
    /// find nothing before saving; the unique request key lets only one be stored, and the other
    /// answers as a repeat would (the first programme, or ALREADY_EXISTS when its content differs).
    /// A new draft's other unique key, its unapproved approval slot, holds its own new id, so the
    /// request key is the only one a registration can collide on.
    /// </summary>
    private async Task<Programme> SaveOnceAsync(Programme programme, Country country, CancellationToken cancellationToken)
    {
        try
        {
            await programmes.SaveAsync(programme, cancellationToken: cancellationToken);
            return programme;
        }
        catch (DuplicateKeyException) when (programme.RequestId.Length > 0)
        {
            var first = await FindByRequestIdAsync(programme.RequestId, cancellationToken);
            if (first is null) throw;
            return first.AnswerRepeat(country, programme.Title, programme.PeriodStart, programme.PeriodEnd);
        }
    }
}
