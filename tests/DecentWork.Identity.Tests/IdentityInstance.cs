using DecentWork.Identity;
using DecentWork.Testing;
using Microsoft.AspNetCore.Builder;

namespace DecentWork.Identity.Tests;

/// <summary>
/// The identity provider running in this process on a real loopback port with its own data
/// folder. Unlike ServiceInstance it has one (HTTP/1.1) listener; restarts keep folder and port.
/// </summary>
public sealed class IdentityInstance : IAsyncDisposable
{
    private WebApplication? _app;

    private IdentityInstance(IReadOnlyDictionary<string, string> settings, string? dataFolder)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "decentwork-tests", $"identity-{Guid.NewGuid():N}");
        var all = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Http:Url"] = Address.ToString(),
            ["Identity:DataFolder"] = DataFolder,
            ["Identity:Issuer"] = Address.ToString(),
            ["Identity:AllowHttp"] = "true",
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("DECENTWORK_TEST_LOG_LEVEL") ?? "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        Settings = all;
        Http = new HttpClient { BaseAddress = Address };
    }

    /// <summary>The configuration passed as arguments; a test may change it before a restart.</summary>
    public Dictionary<string, string> Settings { get; }
    public Uri Address { get; }
    public string DataFolder { get; }
    public HttpClient Http { get; }
    public string KeysFolder => Path.Combine(DataFolder, "keys");
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("identity is not running.");

    public static async Task<IdentityInstance> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var instance = new IdentityInstance(settings ?? new Dictionary<string, string>(), dataFolder: null);
        try
        {
            await instance.StartAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        _app = IdentityApp.Build(Settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await _app.StartAsync();
        await Eventually.Until(async () =>
        {
            try { return (await Http.GetAsync("/health")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, healthy => healthy, TimeSpan.FromSeconds(60), "identity to report healthy");
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        var app = _app;
        _app = null;
        try { await app.StopAsync(); }
        finally { await app.DisposeAsync(); }
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
