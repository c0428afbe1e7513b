namespace DecentWork.Training.Domain;

/// <summary>A link from a course or an edition to one country programme outcome of a DWCP.</summary>
public sealed class OutcomeLink
{
    public Guid ProgrammeId { get; set; }
    public Guid OutcomeId { get; set; }
    /// <summary>The outcome's code when it was linked, so a listing reads without asking programming.</summary>
    public string OutcomeCode { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }

    public static OutcomeLink To(KnownProgramme programme, KnownOutcome outcome, DateTimeOffset now) =>
        new() { ProgrammeId = programme.Id, OutcomeId = outcome.Id, OutcomeCode = outcome.Code, LinkedAt = now };
}

/// <summary>The searchable form of programme links, shared by courses and editions.</summary>
public static class ProgrammeKeys
{
    /// <summary>
    /// The linked programme ids as "|id|id|" (ids without dashes): both stores translate
    /// string.Contains, so "courses (or editions) linked to programme X" is one query.
    /// </summary>
    public static string Of(IEnumerable<Guid> programmeIds) => "|" + string.Concat(programmeIds.Select(id => $"{id:N}|"));

    public static string Key(Guid programmeId) => $"|{programmeId:N}|";
}
