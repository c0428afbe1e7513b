namespace DecentWork.Programming.Domain;

/// <summary>The DWCP lifecycle, in order. Numbers match the proto enum.</summary>
public enum ProgrammeStatus
{
    Draft = 1,
    InConsultation = 2,
    UnderQualityAssurance = 3,
    Approved = 4,
    Active = 5,
    Completed = 6,
    Evaluated = 7,
    /// <summary>Discarded while a draft; final, and left out of lists and reports by default.</summary>
    Discarded = 8,
}
