namespace DecentWork.Programming.Domain;

// The domain's vocabularies. Numbers match the proto enums, so the gRPC layer casts.

/// <summary>The ILO's four strategic objectives; the number is the one events carry.</summary>
public enum StrategicObjective
{
    StandardsAndRights = 1,
    Employment = 2,
    SocialProtection = 3,
    SocialDialogue = 4,
}

/// <summary>The tripartite constituent groups.</summary>
public enum ConstituentGroup
{
    Government = 1,
    Employers = 2,
    Workers = 3,
}

public enum ReviewingUnit
{
    Headquarters = 1,
    Region = 2,
}

/// <summary>The five questions of the DWCP quality-assurance checklist.</summary>
public enum QualityCriterion
{
    DeficitAnalysisMatchesPriorities = 1,
    StrategicObjectivesIntegrated = 2,
    SocialPartnersTookPart = 3,
    LinksToUndafAndNationalStrategy = 4,
    ResultsFrameworkQuality = 5,
}

public enum ReviewDecision
{
    Cleared = 1,
    Revise = 2,
}

public enum EvaluationKind
{
    Tripartite = 1,
    Independent = 2,
}
