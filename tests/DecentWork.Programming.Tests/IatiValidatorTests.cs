using DecentWork.Programming.Iati;
using DecentWork.ServiceDefaults.Iati;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.Testing;
using DecentWork.Testing.Iati;

namespace DecentWork.Programming.Tests;

/// <summary>The validator the export tests rely on, tried on the Standard's own samples: it must pass the good ones and fail the bad ones.</summary>
public class IatiValidatorTests
{
    private static string Sample(string name) => File.ReadAllText(SharedReference.Path("iati", "2.03", "samples", name));

    [Theory]
    [InlineData("IATI-CoVE-sample-activity-standard.xml")]
    [InlineData("IATI-CoVE-sample-organisation-standard.xml")]
    public void Validate_WhenTheSampleIsValid_FindsNoSchemaOrCodeProblem(string sample)
    {
        // The samples are dated in the past and their rules hold; only schema and codes are asserted
        // strictly, the ruleset checks are reported so a regression in them shows.
        var problems = IatiValidator.Validate(Sample(sample));
        Assert.DoesNotContain(problems, p => p.StartsWith("schema", StringComparison.Ordinal) || p.StartsWith("codelist", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WhenTheSampleUsesCodesOutsideTheCodelists_NamesThem()
    {
        var problems = IatiValidator.Validate(Sample("IATI-CoVE-sample-activity-standard-BadCodes.xml"));
        Assert.DoesNotContain(problems, p => p.StartsWith("schema", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("codelist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("iati-activity-standard-BROKEN-missing-mandatory-elements.xml")]
    [InlineData("should-fail-01-empty-activity.xml")]
    [InlineData("should-fail-17-bad-hierarchy.xml")]
    [InlineData("should-fail-20-two-reporting-orgs.xml")]
    [InlineData("should-fail-22-missing-title-narrative.xml")]
    [InlineData("should-fail-24-two-titles.xml")]
    public void Validate_WhenTheSampleBreaksTheSchema_Fails(string sample) =>
        Assert.Contains(IatiValidator.Validate(Sample(sample)), p => p.StartsWith("schema", StringComparison.Ordinal));

    [Fact]
    public void CountryAlpha2_ForEveryCountry_IsACodeOfTheIatiCountryCodelist()
    {
        var iati = IatiCodeChecks.Codes("Country");
        Assert.All(Countries.ByCode.Keys, alpha3 => Assert.Contains(CountryAlpha2.Of(alpha3) ?? $"none for {alpha3}", iati));
    }
}
