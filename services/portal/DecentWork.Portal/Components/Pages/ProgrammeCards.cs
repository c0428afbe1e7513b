using DecentWork.Portal.Components.Shared;
using DecentWork.Portal.Gateway;

namespace DecentWork.Portal.Components.Pages;

/// <summary>DWCPs by status and by region, from one ReportProgrammesByStatus answer.</summary>
public static class ProgrammeCards
{
    public static async Task<DashboardCard[]> LoadAsync(GatewayClient gateway, DashboardFilter filter)
    {
        var route = ProgrammesRoute(filter);
        var csv = CsvDownloads.LinkFor(route);
        var byStatus = new DashboardCard("programmes-by-status", DashboardCards.Title("programmes-by-status"), "Status", "Programmes", csv);
        var byRegion = new DashboardCard("programmes-by-region", DashboardCards.Title("programmes-by-region"), "Region", "Programmes", csv);
        var answer = await gateway.GetAsync<ProgrammesByStatus>(route);
        if (answer.Value is not { } report) return [byStatus with { Error = answer.Error?.Message }, byRegion with { Error = answer.Error?.Message }];
        var rows = report.Rows ?? [];
        return
        [
            byStatus with { Rows = Sum(rows, r => Labels.Of(r.Status, "PROGRAMME_STATUS_")), Summary = $"{report.TotalProgrammes} programmes, {report.InPreparationCount} in preparation" },
            byRegion with { Rows = Sum(rows, r => Labels.Of(r.Region, "ILO_REGION_")) },
        ];
    }

    private static string ProgrammesRoute(DashboardFilter filter) => DashboardCards.ProgrammesRoute(filter);

    private static List<ReportRow> Sum(IEnumerable<ProgrammeStatusCount> rows, Func<ProgrammeStatusCount, string> key) =>
        [.. rows.GroupBy(key).Select(g => (Label: g.Key, Count: g.Sum(r => r.ProgrammeCount)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal)
            .Select(g => new ReportRow(g.Label, g.Count, g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
}

/// <summary>Training participants by constituent group (all years of the period) and the share linked to outcomes, by year.</summary>
public static class ParticipantCards
{
    public static async Task<DashboardCard[]> LoadAsync(GatewayClient gateway, DashboardFilter filter)
    {
        var route = DashboardCards.ParticipantsRoute(filter);
        var csv = CsvDownloads.LinkFor(route);
        var byGroup = new DashboardCard("participants-by-group", DashboardCards.Title("participants-by-group"), "Group", "Participants", csv);
        var linked = new DashboardCard("participants-linked", DashboardCards.Title("participants-linked"), "Year", "% linked", csv);
        var answer = await gateway.GetAsync<ParticipantReport>(route);
        if (answer.Value is not { } report) return [byGroup with { Error = answer.Error?.Message }, linked with { Error = answer.Error?.Message }];
        var years = report.Years ?? [];
        var groups = years.SelectMany(y => y.ByConstituentGroup ?? []).GroupBy(g => Labels.Of(g.ConstituentGroup, "CONSTITUENT_GROUP_"))
            .Select(g => (Label: g.Key, Count: g.Sum(x => x.Participants))).OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal)
            .Select(g => new ReportRow(g.Label, g.Count, g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var linkedRows = years.Where(y => y.Participants > 0).Select(y => new ReportRow(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.LinkedToOutcomesPercent,
            y.LinkedToOutcomesPercent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return
        [
            byGroup with { Rows = groups, Summary = $"{years.Sum(y => y.Participants)} participants, {years.Sum(y => y.Female)} women" },
            linked with { Rows = linkedRows },
        ];
    }
}
