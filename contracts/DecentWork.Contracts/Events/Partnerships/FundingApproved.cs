namespace DecentWork.Contracts.Events.Partnerships;

/// <summary>
/// A partner approved money. Amounts are US dollars, never floating point. <paramref name="ProgrammeId"/>
/// is the DWCP the approval is for (Guid.Empty when it is not for one programme); the allocations,
/// when present, split <paramref name="AmountUsd"/> exactly by region, country, outcome and objective.
/// </summary>
/// <param name="ChangedBy">Who recorded it, from the caller's access token ("Name (subject)"); null when
/// no caller did (recorded from another service's event) or for events published before it was carried.</param>
public sealed record FundingApproved(
    Guid ApprovalId,
    Guid PartnerId,
    string PartnerName,
    Guid ProgrammeId,
    decimal AmountUsd,
    int Year,
    DateTimeOffset ApprovedAt,
    IReadOnlyList<FundingAllocation>? Allocations = null,
    string? ChangedBy = null);

/// <summary>
/// Part of an approval earmarked for a place or result. Any of the targets may be absent
/// (e.g. a regional allocation has only a region).
/// </summary>
/// <param name="Region">ILO region name as in the Countries table, e.g. "Africa".</param>
/// <param name="StrategicObjective">1-4, or null.</param>
public sealed record FundingAllocation(
    string? Region,
    string? CountryCode,
    Guid? ProgrammeId,
    Guid? OutcomeId,
    int? StrategicObjective,
    decimal AmountUsd);

/// <summary>A funding partner was registered; training uses partners for fellowships.</summary>
/// <param name="ChangedBy">Who registered it, from the caller's access token ("Name (subject)"); null when
/// no caller did (a UN fund first heard of in a joint programme) or for events published before it was carried.</param>
public sealed record PartnerRegistered(Guid PartnerId, string Name, string Category, DateTimeOffset RegisteredAt, string? ChangedBy = null);
