using System.Security.Cryptography;
using DecentWork.DemoData;
using DecentWork.EndToEnd.Tests;
using DecentWork.EndToEnd.Tests.Faults;
using DecentWork.Identity.Data;
using DecentWork.Identity.Seeding;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DecentWork.Portal.Tests;

/// <summary>
/// One platform for every portal test: the four services, the gateway and the identity provider in
/// this process on loopback sockets (real tokens, real broker), the demo data loaded through the
/// gateway, the portal as a process of its own from its build output behind the gateway, and one
/// headless Debian Chromium. Users sign in through the identity provider's login page.
/// </summary>
public sealed class PortalPlatform : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private ServiceProcess? _portal;
    private string _logFolder = "";
    private IPlaywright? _playwright;

    public Platform Platform { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>Where the browser goes: the gateway, which routes "/" to the portal.</summary>
    public Uri Address => Platform.Gateway.HttpAddress;
    public TimeSpan DemoLoadTime { get; private set; }

    /// <summary>Demo users with passwords made for this run (never stored).</summary>
    public PortalUser ProgrammeOfficer { get; } = new("hq.programme", "HQ programme officer", [Roles.ProgrammeStaff], []);
    public PortalUser CambodiaOffice { get; } = new("kh.office", "Cambodia country office", [Roles.CountryOffice], ["KHM"]);
    public PortalUser TrainingCentre { get; } = new("turin.registrar", "Turin Centre registrar", [Roles.TrainingCentre], []);
    /// <summary>Only the session test signs in as this one (it locks the account for a while).</summary>
    public PortalUser SessionTester { get; } = new("session.tester", "Session tester", [Roles.ProgrammeStaff], []);

    /// <summary>
    /// The portal client's access tokens live this long in the tests (the provider's default is ten
    /// minutes), so a test sees one expire in an open page within seconds; every test's circuits
    /// renew their tokens the way a long-open page does.
    /// </summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(15);

    public async Task InitializeAsync()
    {
        var portalPort = FreePort.Next();
        var portalAddress = ServiceProcess.Loopback(portalPort);
        Platform = await Platform.StartAsync(await RabbitMqBroker.SharedAsync(), new PlatformOptions
        {
            Gateway = new Dictionary<string, string> { ["ReverseProxy:Clusters:portal:Destinations:primary:Address"] = portalAddress.ToString() },
        });
        var identity = Platform.Gateway.Identity;
        foreach (var user in new[] { ProgrammeOfficer, CambodiaOffice, TrainingCentre, SessionTester })
            await IdentitySeeder.EnsureUserAsync(identity.Services, new SeedUser
            {
                UserName = user.UserName, Password = user.Password, DisplayName = user.DisplayName, Roles = [.. user.Roles], Countries = [.. user.Countries],
            });
        await IdentitySeeder.EnsurePublicClientAsync(identity.Services, new SeedPublicClient
        {
            ClientId = DemoAccounts.WebPortalClientId,
            DisplayName = "DecentWork portal (tests)",
            RedirectUris = [$"{Address.ToString().TrimEnd('/')}/signin-oidc", $"{portalAddress.ToString().TrimEnd('/')}/signin-oidc"],
            PostLogoutRedirectUris = [$"{Address.ToString().TrimEnd('/')}/signout-callback-oidc"],
            AccessTokenLifetime = AccessTokenLifetime,
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await new DemoLoader(clientId => Platform.GatewayGrpcFor(DemoDataTests.DemoCaller(clientId)), TextWriter.Null).LoadAsync();
        DemoLoadTime = clock.Elapsed;

        _logFolder = Path.Combine(Path.GetTempPath(), "decentwork-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_logFolder);
        _portal = new ServiceProcess("portal", ServiceProcess.DllOf("services/portal/DecentWork.Portal"), new Dictionary<string, string>
        {
            // Development: the build output serves its static assets from the project (Production needs the publish output).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__Http__Url"] = portalAddress.ToString(),
            ["Portal__Gateway"] = Address.ToString(),
            ["Portal__Authority"] = identity.Authority.ToString(),
            ["Portal__AllowHttp"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        }, Path.Combine(_logFolder, "portal.log"));
        _portal.Start();
        try
        {
            await _portal.WaitReadyAsync(portalAddress, TimeSpan.FromSeconds(90));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException($"The portal did not start: {File.ReadAllText(Path.Combine(_logFolder, "portal.log"))}", e);
        }

        // The machine may be busy: a page waits longer than Playwright's 5 s before a check fails.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // NOTES.md: without the background-networking flags Chromium floods the closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser (no cookies) at the given width, signed in as <paramref name="user"/> on the login page.</summary>
    public async Task<IPage> SignInAsync(PortalUser user, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        try
        {
            await page.GetByLabel("User name").WaitForAsync();
        }
        catch (TimeoutException)
        {
            var html = await page.ContentAsync();
            throw new InvalidOperationException($"No login page at {page.Url}: {html[..Math.Min(800, html.Length)]}");
        }
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.DisplayName);
        return page;
    }

    /// <summary>Locks the account out at the identity provider (its refresh tokens then buy nothing), or lifts the lock.</summary>
    public async Task SetLockedOutAsync(PortalUser user, bool locked)
    {
        await using var scope = Platform.Gateway.Identity.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByNameAsync(user.UserName) ?? throw new InvalidOperationException($"No account {user.UserName}.");
        await users.SetLockoutEnabledAsync(account, true);
        var result = await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.UtcNow.AddHours(1) : null);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A MudBlazor input by its data-testid (MudBlazor puts the attribute on the input itself).</summary>
    public static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid='{testId}']");

    /// <summary>The whole form field around that input: label, input and the error text under it.</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator(".mud-input-control").Filter(new() { Has = Input(page, testId) });

    /// <summary>Screenshots are test artefacts: artifacts/portal/ at the repository root (git-ignored).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "portal");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// The page at a 390 px phone width: nothing wider than the screen (wide tables scroll inside
    /// their own box), then its screenshot; back to the width it had.
    /// </summary>
    public static async Task AtPhoneWidthAsync(IPage page, string screenshotName)
    {
        var before = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        // The layout settles after the resize (MudBlazor closes the responsive drawer through the
        // circuit), so this waits for the condition as Expect does, then says what it measured.
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.Fail($"{screenshotName}: the page is {width} px wide at a {await page.EvaluateAsync<int>("() => window.innerWidth")} px viewport");
        }
        await ScreenshotAsync(page, screenshotName);
        if (before is not null) await page.SetViewportSizeAsync(before.Width, before.Height);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DecentWork.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_portal is not null) await _portal.StopAsync();
        if (Platform is not null) await Platform.DisposeAsync();
        try { if (_logFolder.Length > 0) Directory.Delete(_logFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A person who signs in on the identity provider's login page.</summary>
public sealed record PortalUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Countries)
{
    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalPlatform>
{
    public const string Name = "portal";
}
