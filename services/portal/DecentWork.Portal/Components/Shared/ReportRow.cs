namespace DecentWork.Portal.Components.Shared;

/// <summary>One figure of a report card: its label, the value charted, the value as printed and its share.</summary>
public sealed record ReportRow(string Label, double Value, string Display, string? Share = null);
