using Microsoft.Extensions.Configuration;

namespace DecentWork.ServiceDefaults.Iati;

/// <summary>
/// Who publishes: the reporting organisation's IATI identifier (every activity identifier starts
/// with it) and name. Configuration section "Iati"; the defaults are the ILO's.
/// </summary>
public sealed record IatiSettings(string ReportingOrgRef, string ReportingOrgName)
{
    public const string DefaultReportingOrgRef = "XM-DAC-41302";

    /// <summary>IATI OrganisationType 40: multilateral.</summary>
    public const string MultilateralType = "40";

    public static IatiSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Iati");
        var reportingOrg = section["ReportingOrgRef"] is { Length: > 0 } configured ? configured.Trim() : DefaultReportingOrgRef;
        return new IatiSettings(reportingOrg, section["ReportingOrgName"] is { Length: > 0 } name ? name : "International Labour Organization");
    }
}
