using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using DecentWork.Identity;
using DecentWork.Identity.Seeding;
using Microsoft.AspNetCore.Builder;

namespace DecentWork.Testing;

/// <summary>
/// The real identity service, started once per test process on a loopback port with its own
/// data folder. Tokens come from its /connect/token over HTTP, as any client gets them; test
/// callers become clients through the service's own seeding code.
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IdentityProvider? _shared;

    private readonly WebApplication _app;
    private readonly string _dataFolder;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _clients = new();
    private readonly ConcurrentDictionary<string, (string Token, DateTime RenewAfter)> _tokens = new();
    // One secret for every test client of this process; never leaves it.
    private readonly string _secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private IdentityProvider(WebApplication app, Uri authority, string dataFolder)
    {
        _app = app;
        Authority = authority;
        _dataFolder = dataFolder;
        _http = new HttpClient { BaseAddress = authority };
    }

    public Uri Authority { get; }

    /// <summary>Where the service keeps its signing keys (tests of token refusal sign with them).</summary>
    public string KeysFolder => Path.Combine(_dataFolder, "keys");
    public IServiceProvider Services => _app.Services;

    public static async Task<IdentityProvider> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                // The shared instance lives as long as the test process; its folder goes with it.
                var folder = _shared._dataFolder;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try { Directory.Delete(folder, recursive: true); }
                    catch (IOException) { }
                    catch (UnauthorizedAccessException) { }
                };
            }
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>An instance of its own (another issuer, other settings), for tests of token refusal.</summary>
    public static async Task<IdentityProvider> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var authority = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var dataFolder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"identity-{Guid.NewGuid():N}");
        var all = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Http:Url"] = authority.ToString(),
            // A test output folder holds whichever web project's appsettings.json was copied last;
            // the gateway's names a Grpc listener on the fixed port 5000, which would collide with
            // other test runs and the run command. Move it to a free port.
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Identity:Issuer"] = authority.ToString(),
            ["Identity:DataFolder"] = dataFolder,
            ["Identity:AllowHttp"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var app = IdentityApp.Build(all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await app.StartAsync();
        return new IdentityProvider(app, authority, dataFolder);
    }

    /// <summary>A current access token for the caller (renewed a minute before it expires).</summary>
    public async Task<string> TokenAsync(TestCaller caller, params string[] scopes)
    {
        var key = caller.ClientId + "|" + string.Join(' ', scopes);
        if (_tokens.TryGetValue(key, out var cached) && cached.RenewAfter > DateTime.UtcNow) return cached.Token;
        await _clients.GetOrAdd(caller.ClientId, _ => new Lazy<Task>(() => RegisterAsync(caller))).Value;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = caller.ClientId,
            ["client_secret"] = _secret,
        };
        if (scopes.Length > 0) form["scope"] = string.Join(' ', scopes);
        using var response = await _http.PostAsync("connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        _tokens[key] = (token.AccessToken, DateTime.UtcNow.AddSeconds(Math.Max(0, token.ExpiresIn - 60)));
        return token.AccessToken;
    }

    private Task RegisterAsync(TestCaller caller) => IdentitySeeder.EnsureClientAsync(_app.Services, new SeedClient
    {
        ClientId = caller.ClientId,
        ClientSecret = _secret,
        DisplayName = caller.Name,
        Roles = [.. caller.Roles],
        Countries = [.. caller.Countries ?? []],
        Partner = caller.Partner,
        ConstituentGroup = caller.ConstituentGroup,
    });

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { }
    }
}
