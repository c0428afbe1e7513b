using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>Training's view of a funding partner, built from partnerships' PartnerRegistered events, so fellowships name real partners.</summary>
public sealed class KnownPartner : Aggregate
{
    private KnownPartner() { }

    public string Name { get; private set; } = "";
    public string Category { get; private set; } = "";

    public static KnownPartner Heard(Guid partnerId, string name, string category)
    {
        if (partnerId == Guid.Empty) throw new DomainRuleException("A partner announcement must carry the partner's id.");
        return new KnownPartner { Id = partnerId, Name = name, Category = category };
    }
}
