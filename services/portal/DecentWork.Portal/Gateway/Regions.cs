namespace DecentWork.Portal.Gateway;

/// <summary>The API's enum names the filters and forms offer (contracts/protos/decentwork/programming/v1).</summary>
public static class Regions
{
    public static readonly string[] All = ["ILO_REGION_AFRICA", "ILO_REGION_AMERICAS", "ILO_REGION_ARAB_STATES", "ILO_REGION_ASIA_PACIFIC", "ILO_REGION_EUROPE_CENTRAL_ASIA"];
}

public static class ProgrammeStatuses
{
    public static readonly string[] All = ["PROGRAMME_STATUS_DRAFT", "PROGRAMME_STATUS_IN_CONSULTATION", "PROGRAMME_STATUS_UNDER_QUALITY_ASSURANCE",
        "PROGRAMME_STATUS_APPROVED", "PROGRAMME_STATUS_ACTIVE", "PROGRAMME_STATUS_COMPLETED", "PROGRAMME_STATUS_EVALUATED"];
}

public static class StrategicObjectives
{
    public static readonly string[] All = ["STRATEGIC_OBJECTIVE_STANDARDS_AND_RIGHTS", "STRATEGIC_OBJECTIVE_EMPLOYMENT",
        "STRATEGIC_OBJECTIVE_SOCIAL_PROTECTION", "STRATEGIC_OBJECTIVE_SOCIAL_DIALOGUE"];
}
