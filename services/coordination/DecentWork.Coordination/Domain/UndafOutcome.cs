namespace DecentWork.Coordination.Domain;

/// <summary>One outcome of an UNDAF; settable so both stores can map it.</summary>
public sealed class UndafOutcome
{
    public const int MaxCodeLength = 20;
    public const int MaxStatementLength = 1000;

    public string Code { get; set; } = "";
    public string Statement { get; set; } = "";

    /// <summary>1-20 ASCII letters, digits, dots or dashes, e.g. "1", "2.3", "A-1".</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: >= 1 and <= MaxCodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    public static bool IsValidStatement(string? statement) =>
        statement?.Trim() is { Length: >= 1 and <= MaxStatementLength };
}

/// <summary>A DWCP outcome linked to an UNDAF outcome.</summary>
public sealed class OutcomeLink
{
    public string UndafOutcomeCode { get; set; } = "";
    public Guid ProgrammeId { get; set; }
    public Guid ProgrammeOutcomeId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
