using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// RecordFundingApproval's request ids (AIP-155): a retried call returns the approval its first
/// attempt recorded instead of recording, and publishing, the money twice.
/// </summary>
public sealed partial class PartnershipsService
{
    private static void CheckRequestId(string requestId, FieldViolations violations) => violations.CheckOptionalRequestId(requestId);

    /// <summary>The approval recorded with this request id; null for none or an empty id.</summary>
    private async Task<FundingApproval?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        if (requestId.Length == 0) return null;
        var key = FundingApproval.KeyOfRequest(requestId);
        var found = await approvals.QueryAsync(a => a.RequestKey == key, new SortOrder<FundingApproval>(a => a.SortKey), 0, 1, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>
    /// Stores a new approval with its FundingApproved. Two calls with one request id can both find
    /// nothing before saving; the unique request key lets only one be stored, and the other answers
    /// as a repeat would (the first approval, or ALREADY_EXISTS when its content differs).
    /// </summary>
    private async Task<FundingApproval> SaveOnceAsync(FundingApproval approval, FundingTerms terms, CancellationToken cancellationToken)
    {
        try
        {
            await approvals.SaveAsync(approval, cancellationToken: cancellationToken);
            return approval;
        }
        catch (DuplicateKeyException) when (approval.RequestId.Length > 0)
        {
            var first = await FindByRequestIdAsync(approval.RequestId, cancellationToken);
            if (first is null) throw;
            return first.AnswerRepeat(approval.PartnerId, approval.AmountUsd, approval.Year, terms);
        }
    }
}
