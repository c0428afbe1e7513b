using DecentWork.ServiceDefaults;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class FellowshipTests
{
    private static readonly DateTimeOffset Applied = new(2008, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly KnownPartner Eu = KnownPartner.Heard(Guid.NewGuid(), "European Union", "EuropeanUnion");

    private static (Edition Edition, Enrolment Enrolment) Enrolled(ConstituentGroup group = ConstituentGroup.Workers)
    {
        var edition = EditionTests.Scheduled();
        edition.MoveTo(EditionStatus.Open);
        return (edition, edition.Apply(EnrolmentTests.Person(group: group), Applied));
    }

    [Fact]
    public void AwardFellowship_ToAWorkersRepresentative_RecordsPartnerAndAmount()
    {
        var (edition, enrolment) = Enrolled();
        edition.AwardFellowship(enrolment.Id, Eu, 3200.75m, Applied);
        Assert.Equal((Eu.Id, "European Union", 3200.75m), (enrolment.Fellowship!.PartnerId, enrolment.Fellowship.PartnerName, enrolment.Fellowship.AmountUsd));
    }

    [Theory]
    [InlineData(ConstituentGroup.Government, 100, "employers' and workers'")]
    [InlineData(ConstituentGroup.Employers, 0, "more than zero")]
    public void AwardFellowship_WhenNotASocialPartnerOrNothingPaid_IsNotPossible(ConstituentGroup group, int amount, string message)
    {
        var (edition, enrolment) = Enrolled(group);
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => edition.AwardFellowship(enrolment.Id, Eu, amount, Applied)).Message);
    }

    [Fact]
    public void AwardFellowship_WhenAlreadyFundedOrWithdrawn_IsNotPossible()
    {
        var (edition, enrolment) = Enrolled();
        edition.AwardFellowship(enrolment.Id, Eu, 100, Applied);
        Assert.Contains("already has a fellowship", Assert.Throws<DomainRuleException>(() => edition.AwardFellowship(enrolment.Id, Eu, 100, Applied)).Message);

        var (other, withdrawn) = Enrolled();
        other.Withdraw(withdrawn.Id, Applied);
        Assert.Contains("withdrawn", Assert.Throws<DomainRuleException>(() => other.AwardFellowship(withdrawn.Id, Eu, 100, Applied)).Message);
    }

    [Fact]
    public void Count_GroupsByYearAndPartnerAndLeavesOutWithdrawn()
    {
        var ilo = KnownPartner.Heard(Guid.NewGuid(), "Italy", "Government");
        var (edition, a) = Enrolled();
        var b = edition.Apply(EnrolmentTests.Person("B", ConstituentGroup.Employers), Applied);
        var c = edition.Apply(EnrolmentTests.Person("C", ConstituentGroup.Employers), Applied);
        edition.AwardFellowship(a.Id, Eu, 1000, Applied);
        edition.AwardFellowship(b.Id, ilo, 500.5m, Applied);
        edition.AwardFellowship(c.Id, Eu, 700, Applied);
        edition.Withdraw(c.Id, Applied);

        var years = FellowshipReport.Count([edition], 2007, 2008);

        Assert.Equal((0, 0m), (years[0].Fellowships, years[0].AmountUsd));
        Assert.Equal((2, 1500.5m), (years[1].Fellowships, years[1].AmountUsd));
        Assert.Equal([("European Union", 1, 1000m), ("Italy", 1, 500.5m)], years[1].ByPartner.Select(p => (p.PartnerName, p.Fellowships, p.AmountUsd)));
    }
}
