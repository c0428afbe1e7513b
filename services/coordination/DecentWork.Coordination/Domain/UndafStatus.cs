namespace DecentWork.Coordination.Domain;

/// <summary>
/// An UNDAF's lifecycle, in order. InPreparation is 0 so UNDAFs stored before statuses existed
/// read as in preparation.
/// </summary>
public enum UndafStatus
{
    InPreparation = 0,
    RollOut = 1,
    Active = 2,
    Closed = 3,
}
