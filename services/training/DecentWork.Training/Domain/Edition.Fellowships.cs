using DecentWork.ServiceDefaults;

namespace DecentWork.Training.Domain;

public sealed partial class Edition
{
    /// <summary>
    /// Funds an enrolled employers' or workers' representative: fellowships exist to bring the
    /// social partners to the Centre. One per enrolment; not for a withdrawn one or a cancelled edition.
    /// </summary>
    public void AwardFellowship(Guid enrolmentId, KnownPartner partner, decimal amountUsd, DateTimeOffset now)
    {
        var enrolment = Find(enrolmentId);
        if (amountUsd <= 0) throw new DomainRuleException("A fellowship's amount must be more than zero.");
        if (Status == EditionStatus.Cancelled) throw new DomainRuleException($"Edition {Id} was cancelled.");
        if (enrolment.Status == EnrolmentStatus.Withdrawn) throw new DomainRuleException($"Enrolment {enrolmentId} was withdrawn.");
        if (enrolment.ConstituentGroup is not (ConstituentGroup.Employers or ConstituentGroup.Workers))
            throw new DomainRuleException($"Fellowships are for employers' and workers' representatives; enrolment {enrolmentId} is {ProtoNames.Of(enrolment.ConstituentGroup)}.");
        if (enrolment.Fellowship is not null)
            throw new DomainRuleException($"Enrolment {enrolmentId} already has a fellowship from {enrolment.Fellowship.PartnerName}.");
        enrolment.Fellowship = new FellowshipAward { PartnerId = partner.Id, PartnerName = partner.Name, AmountUsd = amountUsd, AwardedAt = now };
    }
}
