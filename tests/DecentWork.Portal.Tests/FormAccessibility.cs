using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>What every form must give a keyboard and screen-reader user: named fields, and a submit button reached by Tab.</summary>
public static partial class FormAccessibility
{
    public static async Task CheckAsync(IPage page, string formName, string firstFieldTestId, string submitTestId)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = formName });
        var fields = form.Locator("input:not([type=hidden]), select, textarea");
        Assert.True(await fields.CountAsync() > 0, $"the form \"{formName}\" has fields");
        for (var i = 0; i < await fields.CountAsync(); i++)
            await Expect(fields.Nth(i)).ToHaveAccessibleNameAsync(Named());

        // From the first field, Tab alone reaches the submit button (no pointer needed).
        await form.Locator($"[data-testid='{firstFieldTestId}']").FocusAsync();
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-testid')") == submitTestId) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab did not reach the {submitTestId} button of \"{formName}\"");
    }

    [GeneratedRegex(@"\S")]
    private static partial Regex Named();
}
