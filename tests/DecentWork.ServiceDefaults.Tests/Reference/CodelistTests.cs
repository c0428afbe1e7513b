using System.Xml.Linq;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.Testing;

namespace DecentWork.ServiceDefaults.Tests.Reference;

public class CodelistTests
{
    /// <summary>Every embedded list holds exactly the codes, English names and statuses of the IATI original.</summary>
    [SkippableFact]
    public void EmbeddedCodelists_AreTheIatiOriginals()
    {
        Skip.If(SharedReference.Folder is null, SharedReference.Missing);
        var names = Codelists.EmbeddedNames().ToList();
        Assert.Contains("Currency", names);
        Assert.True(names.Count >= 20, $"only {names.Count} codelists embedded");
        foreach (var name in names)
        {
            var original = XDocument.Load(SharedReference.Path("iati", "2.03", "codelists", name + ".xml"))
                .Descendants("codelist-item")
                .Select(item => (
                    Code: item.Element("code")!.Value.Trim(),
                    Name: string.Join(' ', (item.Element("name")?.Elements("narrative")
                        .FirstOrDefault(n => n.Attribute(XNamespace.Xml + "lang") is null || n.Attribute(XNamespace.Xml + "lang")!.Value == "en")?.Value ?? "")
                        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                    Withdrawn: item.Attribute("status")?.Value == "withdrawn"))
                .OrderBy(i => i.Code, StringComparer.Ordinal)
                .ToList();
            var embedded = Codelists.Named(name).Items.Select(i => (i.Code, i.Name, i.Withdrawn)).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
            Assert.True(original.SequenceEqual(embedded), $"the embedded {name} list differs from the IATI original");
        }
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("CHF", true)]
    [InlineData("usd", false)]
    [InlineData("XYZ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Currency_Allows_OnlyIso4217Codes(string? code, bool allowed) =>
        Assert.Equal(allowed, Codelists.Currency.Allows(code));

    [Fact]
    public void Allows_WhenCodeIsWithdrawn_IsFalseButTheCodeIsStillKnown()
    {
        var withdrawn = Codelists.Currency.Items.First(i => i.Withdrawn);
        Assert.False(Codelists.Currency.Allows(withdrawn.Code));
        Assert.Equal(withdrawn, Codelists.Currency.Find(withdrawn.Code));
    }

    [Fact]
    public void Named_WhenNoSuchList_Throws() =>
        Assert.Throws<ArgumentException>(() => Codelists.Named("NoSuchList"));

    [Fact]
    public void Lists_TheMarkersNeed_AreThere()
    {
        Assert.Equal("Gender Equality", Codelists.PolicyMarker.Find("1")!.Name);
        Assert.True(Codelists.PolicySignificance.Allows("2"));
        Assert.True(Codelists.SdgGoals.Allows("8"));
        Assert.True(Codelists.SdgTargets.Allows("8.5"));
        Assert.True(Codelists.Sector.Allows("16020"));
        Assert.True(Codelists.Language.Allows("fr"));
    }
}
