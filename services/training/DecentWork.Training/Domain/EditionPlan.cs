namespace DecentWork.Training.Domain;

/// <summary>What scheduling an edition takes.</summary>
public sealed record EditionPlan(
    DateOnly StartDate,
    DateOnly EndDate,
    string Venue,
    DeliveryMode DeliveryMode,
    int Capacity,
    decimal Fee,
    string FeeCurrency,
    DateOnly ApplicationDeadline)
{
    /// <summary>The first rule this plan breaks, or null when it is valid.</summary>
    public string? Problem()
    {
        if (EndDate < StartDate) return "An edition cannot end before it starts.";
        if (ApplicationDeadline > StartDate) return "Applications must close on or before an edition's first day.";
        if (!Edition.IsValidCapacity(Capacity)) return $"An edition has 1-{Edition.MaxCapacity} places.";
        if (Fee < 0) return "An edition's fee cannot be negative.";
        if (Venue.Trim() is not { Length: >= 1 and <= Edition.MaxVenueLength }) return $"An edition needs a venue of 1-{Edition.MaxVenueLength} characters.";
        if (!Enum.IsDefined(DeliveryMode)) return "An edition needs a known delivery mode.";
        return null;
    }
}
