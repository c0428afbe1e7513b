namespace DecentWork.Programming.Domain;

public sealed partial class Programme
{
    /// <summary>Total resource need of the outcomes not withdrawn.</summary>
    public decimal ResourceNeedUsd() => Outcomes.Where(o => !o.Withdrawn).Sum(o => o.ResourceNeedUsd);
}
