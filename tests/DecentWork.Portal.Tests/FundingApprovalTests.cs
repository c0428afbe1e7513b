using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>Recording a funding approval with allocations through the portal's form.</summary>
[Collection(PortalCollection.Name)]
public sealed class FundingApprovalTests(PortalPlatform portal)
{
    [Fact]
    public async Task RecordFundingApproval_WhenTheAllocationsDoNotAddUp_ShowsTheViolationKeepsTheFormAndRecordsOnceFixed()
    {
        var (programmeId, outcomeId) = await ActiveProgrammeWithAnOutcomeAsync();
        var partners = (await ApiFigures.GetAsync(portal.Platform.GatewayJson, "/v1/partners?pageSize=200")).GetProperty("partners");
        var partner = partners.EnumerateArray().First().GetProperty("name").GetString()!;
        // An amount no demo approval has, so the list afterwards shows exactly the one recorded here.
        var amount = 100_000 + Random.Shared.Next(1, 899);
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);

        await page.GotoAsync($"/programmes/{programmeId}");
        await page.GetByTestId("record-funding").ClickAsync();
        await page.GetByTestId("partner").SelectOptionAsync(new SelectOptionValue { Label = partner });
        await Expect(page.GetByTestId("programme")).ToHaveValueAsync(programmeId);
        await PortalPlatform.Input(page, "amount").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("source").SelectOptionAsync("FUNDING_SOURCE_EXTRA_BUDGETARY");
        await page.GetByTestId("mobilised_by").SelectOptionAsync("MOBILISED_BY_FIELD_OFFICE");
        await page.GetByTestId("add-allocation").ClickAsync();
        await page.GetByTestId("add-allocation").ClickAsync();
        await page.GetByTestId("allocation-outcome-0").SelectOptionAsync(outcomeId);
        await PortalPlatform.Input(page, "allocation-amount-0").FillAsync("60000");
        await PortalPlatform.Input(page, "allocation-amount-1").FillAsync("30000");
        await FormAccessibility.CheckAsync(page, "Record a funding approval", "partner", "record-approval");
        await page.GetByTestId("record-approval").ClickAsync();

        await Expect(page.GetByTestId("allocations-error")).ToContainTextAsync("must add up exactly");
        await Expect(PortalPlatform.Input(page, "amount")).ToHaveValueAsync(amount.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("allocation-outcome-0")).ToHaveValueAsync(outcomeId);
        await Expect(page.GetByTestId("partner")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await PortalPlatform.ScreenshotAsync(page, "funding-approval-1280");
        await PortalPlatform.AtPhoneWidthAsync(page, "funding-approval-390");

        await PortalPlatform.Input(page, "allocation-amount-1").FillAsync((amount - 60000).ToString(CultureInfo.InvariantCulture));
        // Twice in a row: the form's one request id (and its busy guard) records one approval.
        await page.GetByTestId("record-approval").DblClickAsync();
        await Expect(page.GetByTestId("approval-recorded")).ToContainTextAsync(amount.ToString("#,0", CultureInfo.InvariantCulture));

        await page.GetByTestId("see-approvals").ClickAsync();
        var rows = page.GetByTestId("approvals").GetByTestId("item").Filter(new() { HasText = amount.ToString("#,0", CultureInfo.InvariantCulture) });
        await Expect(rows).ToHaveCountAsync(1);
    }

    /// <summary>A demo programme the partnerships service knows the outcomes of (approved, then active).</summary>
    private async Task<(string ProgrammeId, string OutcomeId)> ActiveProgrammeWithAnOutcomeAsync()
    {
        var list = await ApiFigures.GetAsync(portal.Platform.GatewayJson, "/v1/programmes?status=PROGRAMME_STATUS_ACTIVE&pageSize=50");
        foreach (var item in list.GetProperty("programmes").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var programme = await ApiFigures.GetAsync(portal.Platform.GatewayJson, $"/v1/programmes/{id}");
            var outcome = Outcomes(programme).FirstOrDefault();
            if (outcome is not null) return (id, outcome);
        }
        throw new InvalidOperationException("The demo data has no active programme with an outcome.");
    }

    private static IEnumerable<string> Outcomes(JsonElement programme) =>
        programme.TryGetProperty("priorities", out var priorities)
            ? priorities.EnumerateArray()
                .SelectMany(p => p.TryGetProperty("outcomes", out var outcomes) ? outcomes.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Where(o => !(o.TryGetProperty("withdrawn", out var withdrawn) && withdrawn.GetBoolean()))
                .Select(o => o.GetProperty("id").GetString()!)
            : [];
}
