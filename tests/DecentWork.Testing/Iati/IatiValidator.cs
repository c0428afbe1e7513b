using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DecentWork.Testing.Iati;

/// <summary>
/// Checks an IATI 2.03 file the way a publisher's validator does, from the shared reference
/// folder (never the platform's own copies): the official XSDs, every code against the official
/// codelists (<see cref="IatiCodeChecks"/>), and the rules of rulesets/standard.json that apply to
/// what the platform exports (<see cref="IatiRuleChecks"/>). Returns every problem found; empty
/// means valid.
/// </summary>
public static class IatiValidator
{
    private static readonly Lazy<XmlSchemaSet> _activitySchemas = new(() => Schemas("iati-activities-schema.xsd"));
    private static readonly Lazy<XmlSchemaSet> _organisationSchemas = new(() => Schemas("iati-organisations-schema.xsd"));

    public static IReadOnlyList<string> Validate(string xml) => Validate(xml, DateTimeOffset.UtcNow);

    /// <summary>Fails the test with every problem found, in full.</summary>
    public static void AssertValid(string xml)
    {
        var problems = Validate(xml);
        Xunit.Assert.True(problems.Count == 0, $"{problems.Count} IATI problem(s):\n{string.Join("\n", problems)}");
    }

    public static IReadOnlyList<string> Validate(string xml, DateTimeOffset now)
    {
        var problems = new List<string>();
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return [$"not well-formed XML: {e.Message}"];
        }
        var organisations = document.Root?.Name.LocalName == "iati-organisations";
        var schemas = organisations ? _organisationSchemas.Value : _activitySchemas.Value;
        document.Validate(schemas, (_, e) => problems.Add($"schema: {e.Message}"));
        if (problems.Count > 0) return problems; // codes and rules assume the shape is right
        problems.AddRange(IatiCodeChecks.Check(document));
        problems.AddRange(organisations ? IatiRuleChecks.Organisations(document, now) : IatiRuleChecks.Activities(document, now));
        return problems;
    }

    private static XmlSchemaSet Schemas(string file)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var path = SharedReference.Path("iati", "2.03", "schema", file);
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() });
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    internal static string At(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber.ToString(CultureInfo.InvariantCulture)}" : "?";
}
