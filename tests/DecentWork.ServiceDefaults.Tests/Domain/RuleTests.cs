using System.Text.Json;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.ServiceDefaults.Tests.Domain;

/// <summary>The shared rules: unique-name keys, dates of things that happened, proto enum names, JSON shape.</summary>
public class RuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("EUROPEAN  UNION")]
    [InlineData("Ｅuropean Union")]
    [InlineData(" european\u00A0union\t")]
    [InlineData("European\u200B Union")]
    public void Key_WhenNamesDifferOnlyInWidthCaseOrSpacing_IsTheSame(string name) =>
        Assert.Equal(UniqueName.Key("European Union"), UniqueName.Key(name));

    [Fact]
    public void Key_WhenNamesDiffer_IsNotTheSame() =>
        Assert.NotEqual(UniqueName.Key("European Union"), UniqueName.Key("European Unions"));

    [Fact]
    public void EnsureHappened_WhenTheDateIsAfterTomorrow_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => DateRules.EnsureHappened(new DateOnly(2026, 12, 3), Now, "A consultation"));
        Assert.Equal(DateRules.InFuture, error.Reason);
        DateRules.EnsureHappened(new DateOnly(2026, 12, 2), Now, "A consultation"); // a day's grace for time zones ahead of UTC
    }

    [Fact]
    public void EnsureWithin_WhenAReportIsOutsideItsPeriod_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            DateRules.EnsureWithin(new DateOnly(2040, 1, 1), new DateOnly(2008, 1, 1), new DateOnly(2011, 12, 31), "A progress report"));
        Assert.Equal((DateRules.OutsidePeriod, "2040-01-01"), (error.Reason, error.Metadata["date"]));
    }

    private enum ProgrammeStatus { Draft, UnderQualityAssurance }

    [Fact]
    public void Of_WhenGivenADomainEnumValue_NamesTheProtoEnumValue()
    {
        Assert.Equal("PROGRAMME_STATUS_DRAFT", ProtoNames.Of(ProgrammeStatus.Draft));
        Assert.Equal("PROGRAMME_STATUS_UNDER_QUALITY_ASSURANCE", ProtoNames.Of(ProgrammeStatus.UnderQualityAssurance));
    }

    [Fact]
    public void Prefix_WhenTheValueIsHuge_QuotesOnlyItsStart() =>
        Assert.True(Quote.Prefix(new string('x', 900_000)).Length < 100);

    [Fact]
    public void Check_WhenJsonHasUnknownOrMistypedFields_NamesEachByItsPath()
    {
        var violations = new FieldViolations();
        using var json = JsonDocument.Parse("""{"year": "abc", "month": 1, "colour": "red"}""");
        JsonShape.Check(json.RootElement, Google.Type.Date.Descriptor, "", violations);
        var status = violations.ToStatus();
        Assert.Contains("year: must be a whole number", status.Message);
        Assert.Contains("colour: is not a field of Date", status.Message);
        Assert.DoesNotContain("month", status.Message);
    }
}
