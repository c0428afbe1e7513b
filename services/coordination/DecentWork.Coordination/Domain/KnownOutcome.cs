namespace DecentWork.Coordination.Domain;

/// <summary>A DWCP outcome as programming last published it; settable so both stores can map it.</summary>
public sealed class KnownOutcome
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Statement { get; set; } = "";
    /// <summary>1 standards and rights, 2 employment, 3 social protection, 4 social dialogue.</summary>
    public int StrategicObjective { get; set; }
    public bool Withdrawn { get; set; }
    /// <summary>The outcome's resource needs in USD, as programming published them (0 in views stored before it was kept).</summary>
    public decimal ResourceNeedUsd { get; set; }
    /// <summary>When programming made this version; an older or equal one arriving later is ignored.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
