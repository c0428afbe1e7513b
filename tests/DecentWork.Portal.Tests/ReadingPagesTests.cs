using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>The read pages added for issue 14: agreements with their alignment review, and coordination's coverage gaps.</summary>
[Collection(PortalCollection.Name)]
public sealed class ReadingPagesTests(PortalPlatform portal)
{
    [Fact]
    public async Task Agreements_WhenOpened_ShowEachReviewAndTheApisCountPerCriterion()
    {
        var report = await ApiFigures.GetAsync(portal.Platform.GatewayJson, "/v1/partners/-/agreements:reportAlignment");
        var reviewed = report.GetProperty("reviewedCount").GetInt32();
        string[] criteria = ["strategicPriorities", "programmingCycles", "predictableFunding", "harmonisedReporting", "commonPrinciples"];
        var expected = criteria.Select(c => $"{(report.TryGetProperty(c, out var n) ? n.GetInt32() : 0)} of {reviewed}").ToArray();
        Assert.True(reviewed > 0, "the demo data reviews agreements");
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);

        await page.GotoAsync("/partnerships/agreements");
        await Expect(page.GetByTestId("alignment-report").GetByTestId("count")).ToHaveTextAsync(expected);
        var reviewedRows = page.GetByTestId("agreement").Filter(new() { HasNotText = "Not reviewed" });
        Assert.True(await reviewedRows.CountAsync() >= reviewed);
        // Programme staff may review: the form is offered.
        await page.GetByTestId("review").First.ClickAsync();
        await Expect(page.GetByTestId("record-review")).ToBeVisibleAsync();
        await PortalPlatform.ScreenshotAsync(page, "agreements-1280");
        await PortalPlatform.AtPhoneWidthAsync(page, "agreements-390");

        // The review is recorded (as the signed-in user, with the agreement's version) and shown on its card.
        var note = $"Checked in the portal {Guid.NewGuid():N}"[..30];
        await PortalPlatform.Input(page, "note-0").FillAsync(note);
        await page.GetByTestId("record-review").ClickAsync();
        var card = page.GetByTestId("agreement").Filter(new() { HasText = note });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByTestId("reviewed")).ToContainTextAsync(portal.ProgrammeOfficer.DisplayName);
    }

    [Fact]
    public async Task CoverageGaps_WhenOpened_ListTheApisCountriesInItsOrderNonResidentFirst()
    {
        var gaps = await ApiFigures.GetAsync(portal.Platform.GatewayJson, "/v1/country-coverage/reports/decent-work-gaps?pageSize=50");
        var rows = gaps.TryGetProperty("countries", out var list) ? list.EnumerateArray().ToList() : [];
        Assert.NotEmpty(rows);
        var presence = rows.Select(r => r.TryGetProperty("presence", out var p) ? p.GetString() : null).ToList();
        // Read from the API, not assumed: every non-resident country comes before any other.
        var lastNonResident = presence.FindLastIndex(p => p == "AGENCY_PRESENCE_NON_RESIDENT");
        Assert.All(presence.Take(lastNonResident + 1), p => Assert.Equal("AGENCY_PRESENCE_NON_RESIDENT", p));
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);

        await page.GotoAsync("/coordination");
        await Expect(page.GetByTestId("gap-country")).ToHaveTextAsync([.. rows.Select(r => r.GetProperty("countryCode").GetString()!)]);
        if (lastNonResident >= 0) await Expect(page.GetByTestId("gap-presence").First).ToHaveTextAsync("Non resident");
        await PortalPlatform.ScreenshotAsync(page, "coordination-1280");
        await PortalPlatform.AtPhoneWidthAsync(page, "coordination-390");
    }
}
