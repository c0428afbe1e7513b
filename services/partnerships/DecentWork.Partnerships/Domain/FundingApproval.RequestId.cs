using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// Retry safety (Google AIP-155). Approvals have no natural key, so a partner whose call timed out
/// could not tell whether it landed, and a retry would record and publish the money twice. The
/// client names each approval with a request id instead; a repeat of the same request returns the
/// approval the first call recorded.
/// </summary>
public sealed partial class FundingApproval
{
    public const string RequestIdRule = RequestIds.Rule;

    /// <summary>The client's request id; empty when it gave none.</summary>
    public string RequestId { get; private set; } = "";

    /// <summary>
    /// Unique across all approvals (a unique store index), so two calls racing with one request id
    /// cannot both be stored: "request:{id}" when the client gave one, "approval:{id}" otherwise,
    /// so approvals without a request id never share a value. Empty only on approvals stored
    /// before request ids existed, until <see cref="BackfillRequestKey"/> gives them theirs.
    /// </summary>
    public string RequestKey { get; private set; } = "";

    /// <summary>The store key of a request id given by a client (not empty).</summary>
    public static string KeyOfRequest(string requestId) => RequestIds.KeyOf(requestId);

    public static string RequestKeyFor(string requestId, Guid approvalId) =>
        requestId.Length > 0 ? KeyOfRequest(requestId) : $"approval:{approvalId:N}";

    /// <summary>Compared exactly (both stores compare strings ordinally): "A1" and "a1" are different ids.</summary>
    public static bool IsValidRequestId(string requestId) => RequestIds.IsValid(requestId);

    /// <summary>
    /// Whether a request with these values is a repeat of the one that recorded this approval: the
    /// same content once defaults are applied (partner, amounts, year, date, source, earmarking,
    /// mobilised by, agreement, programme and allocations in order). Time and id are not content.
    /// </summary>
    /// A corrected approval answers any repeat of its recording request with its current state: the
    /// correction has replaced the content the request recorded, which is no longer there to compare.
    public bool Repeats(Guid partnerId, decimal amountUsd, int year, FundingTerms terms) =>
        Corrections.Count > 0 || HasSameContentAs(Content(partnerId, amountUsd, year, terms));

    private bool HasSameContentAs(FundingApproval other) =>
        PartnerId == other.PartnerId && ProgrammeId == other.ProgrammeId && AmountUsd == other.AmountUsd && Year == other.Year
        && ApprovalDate == other.ApprovalDate && OriginalAmount == other.OriginalAmount && OriginalCurrency == other.OriginalCurrency
        && Source == other.Source && Earmarking == other.Earmarking && MobilisedBy == other.MobilisedBy && AgreementId == other.AgreementId
        && Allocations.Count == other.Allocations.Count && Allocations.Zip(other.Allocations).All(pair => pair.First.SameAs(pair.Second));

    /// <summary>
    /// The answer to a request that reuses this approval's request id: this approval when it is a
    /// repeat, otherwise the id is taken by other content.
    /// </summary>
    public FundingApproval AnswerRepeat(Guid partnerId, decimal amountUsd, int year, FundingTerms terms) =>
        Repeats(partnerId, amountUsd, year, terms)
            ? this
            : throw new AlreadyExistsException(
                $"Request id '{RequestId}' was already used to record funding approval '{Id}' with different content; "
                + "choose a new request id for a new approval, or repeat the first request exactly to get that approval.");

    /// <summary>
    /// For approvals stored before request ids existed: gives them the key of an approval without
    /// one. False when the approval already has a key.
    /// </summary>
    public bool BackfillRequestKey()
    {
        if (RequestKey.Length > 0) return false;
        RequestKey = RequestKeyFor(RequestId, Id);
        return true;
    }
}
