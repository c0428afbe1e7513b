namespace DecentWork.ServiceDefaults.Classification;

// How a DWCP outcome or a TC project is classified, in IATI 2.03 codes. Plain settable classes so
// both stores can map them inside the aggregate that holds them; the codes were checked against
// the embedded codelists when they came in (ClassificationInput).

/// <summary>OECD DAC policy markers, SDG goals and targets, and DAC 5-digit sectors; every list may be empty.</summary>
public sealed class WorkClassification
{
    public List<PolicyMarkerScore> PolicyMarkers { get; set; } = [];
    public List<string> SdgGoals { get; set; } = [];
    public List<string> SdgTargets { get; set; } = [];
    public List<SectorShare> Sectors { get; set; } = [];

    /// <summary>The significance given to a marker; null when the marker is not scored.</summary>
    public string? SignificanceOf(string markerCode) =>
        PolicyMarkers.FirstOrDefault(m => m.Code == markerCode)?.Significance;
}

/// <summary>A policy marker (IATI PolicyMarker code) with its significance (IATI PolicySignificance code).</summary>
public sealed class PolicyMarkerScore
{
    public string Code { get; set; } = "";
    public string Significance { get; set; } = "";
}

/// <summary>A DAC 5-digit sector and its share of the budget in per cent; the shares of one classification sum to 100.</summary>
public sealed class SectorShare
{
    public string Code { get; set; } = "";
    public decimal Percentage { get; set; }
}
