namespace DecentWork.Training.Domain;

// The numbers match the proto enums', so the gRPC layer maps by cast; 0 is never a valid value.

/// <summary>The catalogue's themes: the four strategic objectives and the cross-cutting subjects.</summary>
public enum CourseTheme
{
    StandardsAndRights = 1,
    Employment = 2,
    SocialProtection = 3,
    SocialDialogue = 4,
    GenderEquality = 5,
    TcProjectDesign = 6,
    ResultsBasedManagement = 7,
    UnReform = 8,
}

/// <summary>The tripartite constituents, the Office's staff, and everyone else.</summary>
public enum ConstituentGroup
{
    Government = 1,
    Employers = 2,
    Workers = 3,
    Staff = 4,
    Other = 5,
}

public enum DeliveryMode
{
    TurinCampus = 1,
    Field = 2,
    Distance = 3,
}

public enum Sex
{
    Female = 1,
    Male = 2,
}
