using DecentWork.Portal.Gateway;

namespace DecentWork.Portal.Components.Pages;

/// <summary>
/// What the funding-approval form holds while the user types: kept as typed through any error, and
/// turned into RecordFundingApprovalRequest's JSON on submit. The request id is made once per
/// draft, so a double submit or a retry after a lost answer records one approval (AIP-155).
/// </summary>
public sealed class FundingApprovalDraft
{
    public string RequestId { get; } = Guid.NewGuid().ToString();
    public string PartnerId { get; set; } = "";
    public string ProgrammeId { get; set; } = "";
    public decimal Amount { get; set; }
    public int Year { get; set; }
    public string Source { get; set; } = FundingChoices.Sources[0];
    public string Earmarking { get; set; } = "";
    public string MobilisedBy { get; set; } = "";
    public List<AllocationDraft> Allocations { get; } = [];

    public object ToRequest() => new
    {
        partnerId = PartnerId,
        programmeId = ProgrammeId,
        amount = Money.Usd(Amount),
        year = Year,
        // An enum left unchosen is left out: the API then applies its documented default.
        source = Source.Length > 0 ? Source : null,
        earmarking = Earmarking.Length > 0 ? Earmarking : null,
        mobilisedBy = MobilisedBy.Length > 0 ? MobilisedBy : null,
        allocations = Allocations.Select(a => new
        {
            countryCode = a.CountryCode.Trim().ToUpperInvariant(),
            outcomeId = a.OutcomeId,
            amount = Money.Usd(a.Amount),
        }),
        requestId = RequestId,
    };
}

/// <summary>One allocation row: to an outcome of the programme, a country, or both.</summary>
public sealed class AllocationDraft
{
    public string OutcomeId { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public decimal Amount { get; set; }
}
