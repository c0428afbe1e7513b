using System.Security.Cryptography;
using System.Text;
using R = DecentWork.ServiceDefaults.Security.Roles;

namespace DecentWork.Testing;

/// <summary>
/// Someone the tests call as: a client of the real identity service holding these roles and
/// this scope. Its client id is derived from its content, so the same caller is one client.
/// </summary>
public sealed record TestCaller(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string>? Countries = null,
    string? Partner = null, string? ConstituentGroup = null)
{
    public static TestCaller ProgrammeStaff { get; } = new("HQ programme officer", [R.ProgrammeStaff]);
    public static TestCaller QaReviewer { get; } = new("Regional QA reviewer", [R.QaReviewer]);
    public static TestCaller TrainingCentre { get; } = new("Turin Centre registrar", [R.TrainingCentre]);
    public static TestCaller UnCoordination { get; } = new("UN coordination officer", [R.UnCoordination]);
    public static TestCaller Auditor { get; } = new("Auditor", [R.Auditor]);
    public static TestCaller Operations { get; } = new("Operations", [R.Operations]);

    /// <summary>Everything the demo loader and end-to-end flows need, as the demo loader's client has.</summary>
    public static TestCaller Loader { get; } = new("Demo data loader",
        [R.ProgrammeStaff, R.TrainingCentre, R.UnCoordination]);

    public static TestCaller CountryOffice(params string[] countries) =>
        new($"Country office {string.Join('/', countries)}", [R.CountryOffice], countries);

    public static TestCaller Constituent(string country, string group) =>
        new($"{country} {group}", [R.Constituent], [country], ConstituentGroup: group);

    public static TestCaller PartnerAgency(string partner) => new($"{partner} agency", [R.Partner], Partner: partner);

    public static TestCaller WithRole(string role) => new($"Holder of {role}", [role]);

    /// <summary>The caller a service's own tests use unless they say otherwise: the role that runs that service.</summary>
    public static TestCaller DefaultFor(string serviceName) => serviceName switch
    {
        "coordination" => UnCoordination,
        "training" => TrainingCentre,
        "gateway" => Loader,
        _ => ProgrammeStaff,
    };

    public string ClientId
    {
        get
        {
            var content = string.Join('|', Name, string.Join(',', Roles), string.Join(',', Countries ?? []), Partner, ConstituentGroup);
            return "test-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..20];
        }
    }
}
