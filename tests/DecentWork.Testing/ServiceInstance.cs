using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DecentWork.Testing;

/// <summary>
/// One service (or the gateway) running in this process on real loopback sockets: its gRPC
/// listener (HTTP/2) and its HTTP/1.1 listener, its own data folder and RabbitMQ virtual host.
/// Storage follows <see cref="TestStore"/>: embedded unless DECENTWORK_TEST_STORE=mongo.
/// <see cref="Channel"/> and <see cref="Http"/> carry real tokens of <see cref="DefaultCaller"/>
/// from the shared identity service; <see cref="ChannelFor"/> and <see cref="HttpFor"/> call as
/// anyone else, <see cref="AnonymousChannel"/> and <see cref="AnonymousHttp"/> as nobody.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private readonly Func<string[], WebApplication> _build;
    private readonly string[] _args;
    private readonly string _dataFolder;
    private readonly ConcurrentDictionary<string, (GrpcChannel Channel, HttpClient Http)> _callers = new();
    private WebApplication? _app;

    private readonly string _mongoUri;
    private readonly string _mongoDatabase;

    private ServiceInstance(string name, Func<string[], WebApplication> build, IReadOnlyDictionary<string, string> settings,
        IdentityProvider identity, TestCaller caller, string mongoUri)
    {
        Name = name;
        _build = build;
        Identity = identity;
        DefaultCaller = caller;
        _mongoUri = mongoUri;
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _dataFolder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"{name}-{Guid.NewGuid():N}");
        var all = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcAddress.ToString(),
            ["Kestrel:Endpoints:Http:Url"] = HttpAddress.ToString(),
            ["Storage:DataFolder"] = _dataFolder,
            // Empty selects the embedded store even when MONGODB_URI is in the environment.
            ["MONGODB_URI"] = mongoUri,
            // A database of its own when the tests run against MongoDB.
            ["Storage:MongoDatabase"] = _mongoDatabase = $"test-{name}-{Guid.NewGuid():N}",
            ["Identity:Authority"] = identity.Authority.ToString(),
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("DECENTWORK_TEST_LOG_LEVEL") ?? "Warning",
            ["Logging:LogLevel:DecentWork"] = "Information",
            ["Logging:LogLevel:MassTransit"] = Environment.GetEnvironmentVariable("DECENTWORK_TEST_LOG_LEVEL") ?? "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        _args = all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        AnonymousChannel = GrpcChannel.ForAddress(GrpcAddress);
        AnonymousHttp = new HttpClient { BaseAddress = HttpAddress };
    }

    public string Name { get; }
    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public IdentityProvider Identity { get; }
    public TestCaller DefaultCaller { get; }
    public GrpcChannel Channel => ChannelFor(DefaultCaller);
    public HttpClient Http => HttpFor(DefaultCaller);
    public GrpcChannel AnonymousChannel { get; }
    public HttpClient AnonymousHttp { get; }

    /// <summary>A channel whose every call carries a current token of <paramref name="caller"/>.</summary>
    public GrpcChannel ChannelFor(TestCaller caller, params string[] scopes) => Clients(caller, scopes).Channel;

    /// <summary>An HTTP client (the JSON routes) whose every request carries a token of <paramref name="caller"/>.</summary>
    public HttpClient HttpFor(TestCaller caller, params string[] scopes) => Clients(caller, scopes).Http;

    private (GrpcChannel Channel, HttpClient Http) Clients(TestCaller caller, string[] scopes) =>
        _callers.GetOrAdd(caller.ClientId + "|" + string.Join(' ', scopes), _ =>
        {
            Func<Task<string>> token = () => Identity.TokenAsync(caller, scopes);
            var channel = AuthorizedChannel(GrpcAddress, token);
            var http = new HttpClient(new BearerTokenHandler(token) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = HttpAddress };
            return (channel, http);
        });

    /// <summary>A channel to <paramref name="address"/> whose every call carries a current token from <paramref name="token"/>.</summary>
    public static GrpcChannel AuthorizedChannel(Uri address, Func<Task<string>> token)
    {
        var credentials = CallCredentials.FromInterceptor(async (_, metadata) =>
            metadata.Add("authorization", "Bearer " + await token()));
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            // Loopback cleartext in tests; a real deployment puts TLS on anything beyond the machine.
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>
    /// The JSON routes on the gRPC port over HTTP/2, as the gateway calls them, with a token of
    /// <paramref name="caller"/> (<see cref="DefaultCaller"/> unless given) on every request.
    /// The caller disposes it.
    /// </summary>
    public HttpClient JsonClient(TestCaller? caller = null)
    {
        var who = caller ?? DefaultCaller;
        return new HttpClient(new BearerTokenHandler(() => Identity.TokenAsync(who)) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = GrpcAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The same without a token.</summary>
    public HttpClient AnonymousJsonClient() => new()
    {
        BaseAddress = GrpcAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>
    /// How the service should record <paramref name="caller"/> as the author of a change,
    /// "Name (subject)" as Caller.Display shows it: the name the test gave the caller and the
    /// subject the identity service put in its token.
    /// </summary>
    public async Task<string> DisplayOfAsync(TestCaller caller)
    {
        var token = new JsonWebToken(await Identity.TokenAsync(caller));
        return $"{caller.Name} ({token.Subject})";
    }

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException($"{Name} is not running.");

    public static async Task<ServiceInstance> StartAsync(
        string name, Func<string[], WebApplication> build, IReadOnlyDictionary<string, string>? settings = null, TestCaller? caller = null)
    {
        var identity = await IdentityProvider.SharedAsync();
        var instance = new ServiceInstance(name, build, settings ?? new Dictionary<string, string>(), identity,
            caller ?? TestCaller.DefaultFor(name), await TestStore.MongoUriAsync());
        await instance.StartAsync();
        return instance;
    }

    /// <summary>
    /// Starts the host and waits until GET /health says healthy: only then are the consumers'
    /// queues bound, so an event published right after start cannot miss them.
    /// </summary>
    public async Task StartAsync()
    {
        _app = _build(_args);
        await _app.StartAsync();
        await Eventually.Until(async () =>
        {
            // Degraded also answers 200; only Healthy means every receive endpoint is ready.
            try
            {
                using var health = System.Text.Json.JsonDocument.Parse(await AnonymousHttp.GetStringAsync("/health"));
                return health.RootElement.GetProperty("status").GetString() == "Healthy";
            }
            catch (HttpRequestException) { return false; }
        }, healthy => healthy, TimeSpan.FromSeconds(60), $"{Name} to report healthy");
    }

    /// <summary>Stops the host as a crash or redeploy would, keeping its data folder and ports.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        AnonymousChannel.Dispose();
        AnonymousHttp.Dispose();
        foreach (var (channel, http) in _callers.Values)
        {
            channel.Dispose();
            http.Dispose();
        }
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (DirectoryNotFoundException) { }
        if (_mongoUri.Length > 0) await new MongoDB.Driver.MongoClient(_mongoUri).DropDatabaseAsync(_mongoDatabase);
    }
}

/// <summary>Adds a current bearer token to every request.</summary>
public sealed class BearerTokenHandler(Func<Task<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token());
        return await base.SendAsync(request, cancellationToken);
    }
}
