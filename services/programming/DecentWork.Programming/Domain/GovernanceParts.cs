namespace DecentWork.Programming.Domain;

/// <summary>The national steering committee and the national frameworks a programme supports.</summary>
public sealed class SteeringCommittee
{
    public string Name { get; set; } = "";
    public List<Participation> Members { get; set; } = [];
}

public enum NationalFrameworkKind
{
    Prsp = 1,
    NationalDevelopmentPlan = 2,
    Other = 3,
}

public sealed class NationalFrameworkLink
{
    public NationalFrameworkKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string DocumentUri { get; set; } = "";
}
