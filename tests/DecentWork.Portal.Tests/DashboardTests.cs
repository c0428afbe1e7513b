using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>The dashboard shows the reports' own figures for the filters chosen, and downloads them as CSV.</summary>
[Collection(PortalCollection.Name)]
public sealed class DashboardTests(PortalPlatform portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_WhenFilteredByPeriod_ShowsTheApisFigures()
    {
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);

        // Measured, not asserted: from navigation to every card filled, with the demo data loaded.
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-dashboard-loads='1']");
        output.WriteLine($"dashboard first render with the demo data: {clock.ElapsedMilliseconds} ms (demo data loaded in {portal.DemoLoadTime.TotalSeconds:F1} s)");
        await PortalPlatform.ScreenshotAsync(page, "dashboard-1280");

        await PortalPlatform.Input(page, "from-year").FillAsync("2007");
        await PortalPlatform.Input(page, "to-year").FillAsync("2008");
        await page.GetByTestId("apply").ClickAsync();
        await page.WaitForSelectorAsync("body[data-dashboard-loads='2']");

        var gateway = portal.Platform.GatewayJson;
        var byYear = ApiFigures.ApprovalRows(await ApiFigures.GetAsync(gateway,
            "/v1/funding-approvals/reports:totals?groupBy=FUNDING_APPROVAL_GROUPING_YEAR&startYear=2007&endYear=2008"));
        var partners = ApiFigures.ApprovalRows(await ApiFigures.GetAsync(gateway,
            "/v1/funding-approvals/reports:totals?groupBy=FUNDING_APPROVAL_GROUPING_PARTNER&limit=10&startYear=2007&endYear=2008"));
        Assert.NotEmpty(byYear);
        Assert.Equal(byYear, await RowsAsync(page, "approvals-by-year"));
        Assert.Equal(partners, await RowsAsync(page, "largest-partners"));

        var statuses = ApiFigures.ProgrammesByStatus(await ApiFigures.GetAsync(gateway, "/v1/programmes:reportByStatus"));
        var shown = await RowsAsync(page, "programmes-by-status");
        Assert.Equal(statuses.Select(s => s.Count.ToString()).Order(), shown.Select(s => s.Value).Order());
    }

    [Fact]
    public async Task CsvLink_OnTheDashboard_DownloadsTheGatewaysCsv()
    {
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);
        await page.WaitForSelectorAsync("body[data-dashboard-loads='1']");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("approvals-by-year").GetByTestId("csv").ClickAsync());
        var path = await download.PathAsync();
        var downloaded = await File.ReadAllTextAsync(path);

        using var expected = await portal.Platform.GatewayJson.GetAsync("/v1/funding-approvals/reports:totals?groupBy=FUNDING_APPROVAL_GROUPING_YEAR&format=csv");
        Assert.Equal("text/csv", expected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await expected.Content.ReadAsStringAsync(), downloaded);
        Assert.Contains('\n', downloaded.Trim());
    }

    [Fact]
    public async Task Dashboard_AtPhoneWidth_ShowsEveryCard()
    {
        var page = await portal.SignInAsync(portal.ProgrammeOfficer, width: 390, height: 844);
        await page.WaitForSelectorAsync("body[data-dashboard-loads='1']");

        await Expect(page.GetByTestId("participants-linked")).ToBeVisibleAsync();
        await PortalPlatform.ScreenshotAsync(page, "dashboard-390");
        await page.GotoAsync("/programmes");
        await Expect(page.GetByTestId("programme-row").First).ToBeVisibleAsync();
        await PortalPlatform.ScreenshotAsync(page, "programmes-390");
    }

    private static async Task<List<(string Label, string Value)>> RowsAsync(IPage page, string card)
    {
        var rows = page.GetByTestId(card).GetByTestId("figure");
        var result = new List<(string, string)>();
        for (var i = 0; i < await rows.CountAsync(); i++)
            result.Add(((await rows.Nth(i).GetByTestId("label").InnerTextAsync()).Trim(), (await rows.Nth(i).GetByTestId("value").InnerTextAsync()).Trim()));
        return result;
    }
}
