namespace DecentWork.Contracts.Events.Coordination;

/// <summary>
/// A UN joint programme in which the organisation takes part was approved; partnerships counts
/// <paramref name="OrganisationShareUsd"/> as UN-system funds.
/// </summary>
/// <param name="ChangedBy">Who made the approval, as their access token names them ("Name (subject)"); null on events raised before this was recorded.</param>
public sealed record JointProgrammeApproved(
    Guid JointProgrammeId,
    string Title,
    string Fund,
    string? ThematicWindow,
    IReadOnlyList<string> CountryCodes,
    string LeadAgency,
    decimal OrganisationShareUsd,
    DateOnly ApprovedOn,
    DateTimeOffset ApprovedAt,
    string? ChangedBy = null);
