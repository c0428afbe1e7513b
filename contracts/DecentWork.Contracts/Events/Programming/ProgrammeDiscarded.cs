namespace DecentWork.Contracts.Events.Programming;

/// <summary>
/// A draft programme was discarded (registered by mistake). It stays on record with its reason but
/// will never be approved: a consumer holding a copy of the programme can drop it from its lists.
/// </summary>
/// <param name="ChangedBy">Who discarded it, as "Name (subject)" from their access token.</param>
public sealed record ProgrammeDiscarded(Guid ProgrammeId, string CountryCode, string Reason, DateTimeOffset DiscardedAt, string ChangedBy);
