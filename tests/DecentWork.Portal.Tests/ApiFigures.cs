using System.Globalization;
using System.Text.Json;

namespace DecentWork.Portal.Tests;

/// <summary>What the gateway's JSON API answers, in the form the dashboard prints it (read, never hard-coded).</summary>
public static class ApiFigures
{
    public static async Task<JsonElement> GetAsync(HttpClient gateway, string route)
    {
        using var response = await gateway.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A funding-approval report's groups as (label, US$ printed "#,0").</summary>
    public static List<(string Label, string Value)> ApprovalRows(JsonElement report) =>
        report.TryGetProperty("totals", out var totals)
            ? [.. totals.EnumerateArray().Select(t => (
                t.TryGetProperty("label", out var label) && label.GetString() is { Length: > 0 } text ? text : t.GetProperty("key").GetString()!,
                Amount(t.GetProperty("amount"))))]
            : [];

    /// <summary>google.type.Money as JSON → whole US dollars with thousands separators.</summary>
    public static string Amount(JsonElement money)
    {
        var units = money.TryGetProperty("units", out var u) ? decimal.Parse(u.ToString(), CultureInfo.InvariantCulture) : 0;
        var nanos = money.TryGetProperty("nanos", out var n) ? n.GetInt32() : 0;
        return (units + nanos / 1_000_000_000m).ToString("#,0", CultureInfo.InvariantCulture);
    }

    /// <summary>ReportProgrammesByStatus rows summed by status, as (status name, count), largest first.</summary>
    public static List<(string Status, int Count)> ProgrammesByStatus(JsonElement report) =>
        report.TryGetProperty("rows", out var rows)
            ? [.. rows.EnumerateArray().GroupBy(r => r.GetProperty("status").GetString()!)
                .Select(g => (g.Key, g.Sum(r => r.TryGetProperty("programmeCount", out var c) ? c.GetInt32() : 0)))
                .OrderByDescending(g => g.Item2)]
            : [];
}
