namespace DecentWork.Training.Domain;

/// <summary>A partner's funding for one participant, in US dollars (as partnerships counts money).</summary>
public sealed class FellowshipAward
{
    public Guid PartnerId { get; set; }
    public string PartnerName { get; set; } = "";
    public decimal AmountUsd { get; set; }
    public DateTimeOffset AwardedAt { get; set; }
}
