namespace DecentWork.Partnerships.Domain;

/// <summary>How many projects are linked to DWCP outcomes and strategic objectives (the paper: 98 per cent).</summary>
public sealed record ProjectLinkage(int Projects, int LinkedToOutcomes, int LinkedToObjectives, int LinkedToBoth)
{
    public static ProjectLinkage Of(IEnumerable<Project> projects)
    {
        var counted = projects.ToList();
        return new ProjectLinkage(counted.Count,
            counted.Count(p => p.OutcomeIds.Count > 0),
            counted.Count(p => p.StrategicObjectives.Count > 0),
            counted.Count(p => p.OutcomeIds.Count > 0 && p.StrategicObjectives.Count > 0));
    }

    public string LinkedSharePercent() => FundingReports.Percent(LinkedToBoth, Projects);
}
