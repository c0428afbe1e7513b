using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

public class PartnerTests
{
    private static readonly DateTimeOffset Now = new(2007, 5, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_WhenValid_TrimsTheNameAndKeepsAnUpperCaseKey()
    {
        var partner = Partner.Register("  European Union ", PartnerCategory.EuropeanUnion, Now);

        Assert.Equal("European Union", partner.Name);
        Assert.Equal("EUROPEAN UNION", partner.NormalizedName);
        Assert.Equal(PartnerCategory.EuropeanUnion, partner.Category);
        Assert.Equal(Now, partner.RegisteredAt);
        Assert.StartsWith("EUROPEAN UNION|", partner.SortKey);
        Assert.EndsWith(partner.Id.ToString("N"), partner.SortKey);
    }

    [Fact]
    public void Register_WhenNamesDifferOnlyInCaseAndSpacing_HaveTheSameNormalizedName() =>
        Assert.Equal(
            Partner.Register("Government of Norway", PartnerCategory.BilateralGovernment, Now).NormalizedName,
            Partner.Register(" government of NORWAY", PartnerCategory.BilateralGovernment, Now).NormalizedName);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_WhenNameIsBlank_IsNotPossible(string name) =>
        Assert.Throws<DomainRuleException>(() => Partner.Register(name, PartnerCategory.Foundation, Now));

    [Fact]
    public void Register_WhenNameIsLongerThan200Characters_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Partner.Register(new string('a', 201), PartnerCategory.Foundation, Now));
        // Surrounding spaces do not count towards the limit.
        Assert.Equal(200, Partner.Register($" {new string('a', 200)} ", PartnerCategory.Foundation, Now).Name.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Register_WhenCategoryIsNotDefined_IsNotPossible(int category) =>
        Assert.Throws<DomainRuleException>(() => Partner.Register("Ford Foundation", (PartnerCategory)category, Now));

    [Fact]
    public void Register_RaisesPartnerRegisteredWithTheCategoryName()
    {
        var partner = Partner.Register(" IFC ", PartnerCategory.InternationalFinancialInstitution, Now);

        var raised = Assert.IsType<PartnerRegistered>(Assert.Single(partner.PendingEvents()));
        Assert.Equal(new PartnerRegistered(partner.Id, "IFC", "InternationalFinancialInstitution", Now), raised);
    }

    [Theory]
    [InlineData(PartnerCategory.BilateralGovernment, IatiOrganisationType.Government)]
    [InlineData(PartnerCategory.EuropeanUnion, IatiOrganisationType.Multilateral)]
    [InlineData(PartnerCategory.UnSystem, IatiOrganisationType.Multilateral)]
    [InlineData(PartnerCategory.InternationalFinancialInstitution, IatiOrganisationType.Multilateral)]
    [InlineData(PartnerCategory.Foundation, IatiOrganisationType.Foundation)]
    [InlineData(PartnerCategory.PrivateSector, IatiOrganisationType.PrivateSector)]
    [InlineData(PartnerCategory.SouthSouth, IatiOrganisationType.Government)]
    [InlineData(PartnerCategory.NationalConstituent, IatiOrganisationType.Government)]
    public void Register_WhenNoIatiTypeIsGiven_TakesTheCategorysUsualType(PartnerCategory category, IatiOrganisationType expected) =>
        Assert.Equal(expected, Partner.Register("Partner", category, Now).IatiOrganisationType);

    [Fact]
    public void Register_WhenIatiTypeAndCountryAreGiven_KeepsThem()
    {
        Countries.TryFind("BRA", out var brazil);

        var partner = Partner.Register("ABC", PartnerCategory.SouthSouth, Now, IatiOrganisationType.OtherPublicSector, brazil);

        Assert.Equal(IatiOrganisationType.OtherPublicSector, partner.IatiOrganisationType);
        Assert.Equal("BRA", partner.CountryCode);
    }

    [Fact]
    public void Register_WhenIatiTypeIsNotDefined_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Partner.Register("Ford Foundation", PartnerCategory.Foundation, Now, (IatiOrganisationType)12));
}
