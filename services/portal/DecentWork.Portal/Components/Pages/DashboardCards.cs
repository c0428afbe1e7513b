using DecentWork.Portal.Components.Shared;
using DecentWork.Portal.Gateway;
using DecentWork.ServiceDefaults.Security;

namespace DecentWork.Portal.Components.Pages;

/// <summary>The dashboard's filters: a period (approvals, field-office share, participants) and a region (programmes).</summary>
public sealed class DashboardFilter
{
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public string Region { get; set; } = "";

    public string Period(string from = "startYear", string to = "endYear") =>
        (StartYear is { } s ? $"&{from}={s}" : "") + (EndYear is { } e ? $"&{to}={e}" : "");
}

/// <summary>One card: where its figures come from and what came back.</summary>
public sealed record DashboardCard(string Id, string Title, string KeyHeader, string ValueHeader, string? CsvLink,
    IReadOnlyList<ReportRow>? Rows = null, string? Error = null, string? Summary = null);

/// <summary>The paper's headline figures, each from one report route of the gateway.</summary>
public static class DashboardCards
{
    private static readonly string[] Ids = ["approvals-by-year", "approvals-by-source", "largest-partners", "field-office-share",
        "rbsa-by-region", "programmes-by-status", "programmes-by-region", "participants-by-group", "participants-linked"];

    public static List<DashboardCard> Empty(Func<string, bool> may) =>
        [.. Ids.Where(id => may(PolicyOf(id))).Select(id => new DashboardCard(id, Title(id), "", "", null))];

    /// <summary>The report policy a card's route needs: a card the user's roles may not read is not shown.</summary>
    public static string PolicyOf(string id) => id switch
    {
        "programmes-by-status" or "programmes-by-region" => AccessPolicies.ProgrammesReport,
        "participants-by-group" or "participants-linked" => AccessPolicies.TrainingReport,
        _ => AccessPolicies.PartnershipsReport,
    };

    public static string Title(string id) => id switch
    {
        "approvals-by-year" => "Approvals by year",
        "approvals-by-source" => "Approvals by source",
        "largest-partners" => "Largest partners",
        "field-office-share" => "Field-office share",
        "rbsa-by-region" => "RBSA by region",
        "programmes-by-status" => "DWCPs by status",
        "programmes-by-region" => "DWCPs by region",
        "participants-by-group" => "Participants by constituent group",
        _ => "Participants linked to outcomes",
    };

    public static string ApprovalsRoute(string grouping, DashboardFilter filter, string extra = "") =>
        $"/v1/funding-approvals/reports:totals?groupBy=FUNDING_APPROVAL_GROUPING_{grouping}{extra}{filter.Period()}";

    public static string FieldOfficeRoute(DashboardFilter filter) => $"/v1/funding-approvals/reports:fieldOfficeShare?{filter.Period().TrimStart('&')}";

    public static string ProgrammesRoute(DashboardFilter filter) =>
        "/v1/programmes:reportByStatus" + (filter.Region.Length > 0 ? $"?region={filter.Region}" : "");

    // The participant report needs both years: without a filter, every year up to this one.
    public static string ParticipantsRoute(DashboardFilter filter) =>
        $"/v1/courses/reports/participants?fromYear={filter.StartYear ?? 1990}&toYear={filter.EndYear ?? DateTime.UtcNow.Year}";

    public static async Task<List<DashboardCard>> LoadAsync(GatewayClient gateway, DashboardFilter filter, Func<string, bool> may)
    {
        if (!may(AccessPolicies.PartnershipsReport))
            return [.. (may(AccessPolicies.ProgrammesReport) ? await ProgrammeCards.LoadAsync(gateway, filter) : []),
                .. (may(AccessPolicies.TrainingReport) ? await ParticipantCards.LoadAsync(gateway, filter) : [])];
        var byYear = Approvals(gateway, "approvals-by-year", ApprovalsRoute("YEAR", filter), "Year");
        var bySource = Approvals(gateway, "approvals-by-source", ApprovalsRoute("SOURCE", filter), "Source", key => Labels.Of(key, "FUNDING_SOURCE_"));
        var partners = Approvals(gateway, "largest-partners", ApprovalsRoute("PARTNER", filter, "&limit=10"), "Partner");
        var rbsa = Approvals(gateway, "rbsa-by-region", ApprovalsRoute("REGION", filter, "&source=FUNDING_SOURCE_RBSA"), "Region", key => Labels.Of(key, "ILO_REGION_"));
        var fieldOffice = FieldOfficeAsync(gateway, filter);
        var programmes = may(AccessPolicies.ProgrammesReport) ? ProgrammeCards.LoadAsync(gateway, filter) : Task.FromResult<DashboardCard[]>([]);
        var participants = may(AccessPolicies.TrainingReport) ? ParticipantCards.LoadAsync(gateway, filter) : Task.FromResult<DashboardCard[]>([]);
        await Task.WhenAll(byYear, bySource, partners, rbsa, fieldOffice, programmes, participants);
        return [byYear.Result, bySource.Result, partners.Result, fieldOffice.Result, rbsa.Result, .. programmes.Result, .. participants.Result];
    }

    private static async Task<DashboardCard> Approvals(GatewayClient gateway, string id, string route, string keyHeader, Func<string, string>? label = null)
    {
        var card = new DashboardCard(id, Title(id), keyHeader, "US$", CsvDownloads.LinkFor(route));
        var answer = await gateway.GetAsync<FundingApprovalTotals>(route);
        if (answer.Value is not { } report) return card with { Error = answer.Error?.Message };
        var rows = (report.Totals ?? []).Select(t => new ReportRow(
            label?.Invoke(t.Key) ?? (t.Label is { Length: > 0 } ? t.Label : t.Key),
            (double)(t.Amount?.Amount ?? 0), Labels.Amount(t.Amount?.Amount ?? 0), t.SharePercent)).ToList();
        return card with { Rows = rows, Summary = $"US$ {Labels.Amount(report.TotalAmount?.Amount ?? 0)} in {report.ApprovalCount} approvals" };
    }

    private static async Task<DashboardCard> FieldOfficeAsync(GatewayClient gateway, DashboardFilter filter)
    {
        var route = FieldOfficeRoute(filter);
        var card = new DashboardCard("field-office-share", Title("field-office-share"), "Managed by", "US$", CsvDownloads.LinkFor(route));
        var answer = await gateway.GetAsync<FieldOfficeShare>(route);
        if (answer.Value is not { } share) return card with { Error = answer.Error?.Message };
        ReportRow Row(string label, Money? money, string? percent = null) =>
            new(label, (double)(money?.Amount ?? 0), Labels.Amount(money?.Amount ?? 0), percent);
        return card with
        {
            Rows = [Row("Field offices", share.FieldOfficeAmount, share.FieldOfficeSharePercent), Row("Headquarters", share.HeadquartersAmount),
                Row("Not recorded", share.NotRecordedAmount)],
            Summary = $"Field offices manage {share.FieldOfficeSharePercent} % of US$ {Labels.Amount(share.TotalAmount?.Amount ?? 0)}",
        };
    }
}
