namespace DecentWork.Partnerships.Domain;

/// <summary>Where an approval's money comes from (numbers match the proto enum).</summary>
public enum FundingSource
{
    ExtraBudgetary = 1,
    Rbsa = 2,
    RegularBudgetTc = 3,
}

/// <summary>IATI EarmarkingCategory; the numbers are the IATI codes and the proto enum's.</summary>
public enum Earmarking
{
    Unearmarked = 1,
    SoftlyEarmarked = 2,
    Earmarked = 3,
    TightlyEarmarked = 4,
}

/// <summary>Who mobilised the money; NotRecorded for approvals that did not say.</summary>
public enum MobilisedBy
{
    NotRecorded = 0,
    FieldOffice = 1,
    Headquarters = 2,
}

/// <summary>
/// What a caller states about an approval beyond partner, amount and year. Nulls take the
/// defaults: extra-budgetary; unearmarked for RBSA, earmarked otherwise; original = US dollars.
/// RequestId is the client's idempotency key (see FundingApproval.RequestId), not content.
/// </summary>
public sealed record FundingTerms(
    Guid? ProgrammeId,
    IReadOnlyList<Allocation> Allocations,
    DateOnly? ApprovalDate = null,
    decimal? OriginalAmount = null,
    string? OriginalCurrency = null,
    FundingSource? Source = null,
    Earmarking? Earmarking = null,
    MobilisedBy MobilisedBy = MobilisedBy.NotRecorded,
    Guid? AgreementId = null,
    string? RequestId = null);
