using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>
/// Where a project's money counts in the reports: its country when it has one, its region when
/// all its countries share one, its partner when it has one. A project across countries or
/// regions counts under "" and region 0, so no dollar is counted twice. Taken from the project
/// when a budget line or a transaction is written (a project's countries and partners do not
/// change), so the projections stay pure functions of what they store.
/// </summary>
public sealed record FinanceAttribution(string CountryCode, IloRegion? Region, Guid PartnerId)
{
    public static FinanceAttribution Of(Project project)
    {
        var country = project.CountryCodes.Count == 1 ? project.CountryCodes[0] : "";
        var regions = project.CountryCodes.Select(c => Countries.TryFind(c, out var found) ? found!.Region : (IloRegion?)null).Distinct().ToList();
        var region = regions.Count == 1 ? regions[0] : null;
        var partner = project.PartnerIds.Count == 1 ? project.PartnerIds[0] : Guid.Empty;
        return new FinanceAttribution(country, region, partner);
    }
}
