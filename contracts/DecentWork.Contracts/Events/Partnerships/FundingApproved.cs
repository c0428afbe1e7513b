namespace DecentWork.Contracts.Events.Partnerships;

/// <summary>A partner approved money for a DWCP. Amounts are US dollars, never floating point.</summary>
public sealed record FundingApproved(
    Guid ApprovalId,
    Guid PartnerId,
    string PartnerName,
    Guid ProgrammeId,
    decimal AmountUsd,
    int Year,
    DateTimeOffset ApprovedAt);
