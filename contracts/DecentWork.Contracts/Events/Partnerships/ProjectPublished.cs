namespace DecentWork.Contracts.Events.Partnerships;

/// <summary>
/// What other services may show of a TC project, published (through the outbox, with the save)
/// when it is registered and whenever those words or its standing change (withdrawn). The whole
/// current state, not a difference: a consumer keeps the one with the highest
/// <paramref name="Revision"/> and ignores older or repeated ones.
/// </summary>
/// <param name="Revision">Grows with every change this event announces (1 when registered).</param>
/// <param name="CountryCodes">ISO alpha-3 codes of the countries it serves (one or more).</param>
/// <param name="Withdrawn">True once withdrawn: it should no longer be found.</param>
public sealed record ProjectPublished(
    Guid ProjectId,
    string Code,
    string Title,
    IReadOnlyList<string> CountryCodes,
    DateOnly StartDate,
    bool Withdrawn,
    int Revision,
    DateTimeOffset ChangedAt);
