namespace DecentWork.Contracts.Events.Programming;

/// <summary>A DWCP was registered in draft. Other contexts build their view of programmes from it.</summary>
/// <param name="Region">The ILO region name as in <c>IloRegion</c> without prefix, e.g. "Africa".</param>
/// <param name="ChangedBy">Who caused it, as "Name (subject)" from their access token; null in events published before tokens existed.</param>
public sealed record ProgrammeRegistered(
    Guid ProgrammeId,
    string CountryCode,
    string Region,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset RegisteredAt,
    string? ChangedBy = null);
