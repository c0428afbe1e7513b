using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using DotNet.Testcontainers.Configurations;
using Testcontainers.RabbitMq;

namespace DecentWork.Testing;

/// <summary>
/// The real RabbitMQ the tests run against. deploy/scripts/test.sh starts one from the OS packages
/// and exports RABBITMQ_URI and RABBITMQ_MANAGEMENT_URI; where those are absent and Docker is
/// available, a Testcontainers broker is started instead. Each test class gets its own virtual
/// host, so parallel test projects never consume each other's messages.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RabbitMqBroker? _shared;

    private readonly Uri _amqp;
    private readonly Uri _management;
    private readonly RabbitMqContainer? _container;
    // For a broker this process started through rabbitmq.sh: the settings that name it.
    private readonly Dictionary<string, string>? _scriptEnvironment;

    private RabbitMqBroker(Uri amqp, Uri management, RabbitMqContainer? container, Dictionary<string, string>? scriptEnvironment = null)
    {
        _amqp = amqp;
        _management = management;
        _container = container;
        _scriptEnvironment = scriptEnvironment;
    }

    /// <summary>
    /// A broker of its own, for tests that stop and restart it (an outage must not disturb the
    /// other test projects sharing the main broker). Started with rabbitmq.sh on free ports, or as
    /// a container where only Docker is available.
    /// </summary>
    public static async Task<RabbitMqBroker> StartDedicatedAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("DECENTWORK_RABBITMQ_SCRIPT") is null)
            return await StartContainerAsync();
        var amqpPort = FreePort.NextBelow45536();
        var managementPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["DECENTWORK_RABBITMQ_DIR"] = Path.Combine(Path.GetTempPath(), $"decentwork-rabbitmq-{name}-{amqpPort}"),
            ["DECENTWORK_RABBITMQ_NODE"] = $"{name}-{amqpPort}@localhost",
            ["RABBITMQ_PORT"] = amqpPort.ToString(),
            ["RABBITMQ_MANAGEMENT_PORT"] = managementPort.ToString(),
        };
        await RunScriptAsync("start", environment);
        // The script replaced guest with an administrator of its own; env names it.
        var amqp = EnvValue(await RunScriptAsync("env", environment), "RABBITMQ_URI");
        return new RabbitMqBroker(new Uri(amqp), new Uri($"http://127.0.0.1:{managementPort}/"), null, environment);
    }

    public static async Task<RabbitMqBroker> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<RabbitMqBroker> StartAsync()
    {
        var amqp = Environment.GetEnvironmentVariable("RABBITMQ_URI");
        var management = Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_URI");
        if (!string.IsNullOrEmpty(amqp) && !string.IsNullOrEmpty(management))
            return new RabbitMqBroker(new Uri(amqp), new Uri(management), null);
        return await StartContainerAsync();
    }

    private static async Task<RabbitMqBroker> StartContainerAsync()
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
            throw new InvalidOperationException(
                "No RabbitMQ: set RABBITMQ_URI and RABBITMQ_MANAGEMENT_URI (deploy/scripts/test.sh does) or run where Docker is available.");
        var container = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
        await container.StartAsync();
        var managementUri = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(15672)}/");
        return new RabbitMqBroker(new Uri(container.GetConnectionString()), managementUri, container);
    }

    /// <summary>Creates a fresh virtual host and returns the AMQP URI for it.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var vhost = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 60)];
        using var http = ManagementClient();
        (await http.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var user = UserName;
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"api/permissions/{vhost}/{user}", permissions)).EnsureSuccessStatusCode();
        return new UriBuilder(_amqp) { Path = "/" + vhost }.Uri.ToString();
    }

    public async Task DeleteVirtualHostAsync(string amqpUri)
    {
        var vhost = new Uri(amqpUri).AbsolutePath.TrimStart('/');
        using var http = ManagementClient();
        await http.DeleteAsync($"api/vhosts/{vhost}");
    }

    /// <summary>Number of messages waiting in a queue of a virtual host (0 when the queue does not exist).</summary>
    public async Task<long> QueueDepthAsync(string amqpUri, string queue)
    {
        var vhost = new Uri(amqpUri).AbsolutePath.TrimStart('/');
        using var http = ManagementClient();
        var response = await http.GetAsync($"api/queues/{vhost}/{queue}");
        if (!response.IsSuccessStatusCode) return 0;
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0;
    }

    /// <summary>Simulates a broker outage: the AMQP listener goes away, connections drop.</summary>
    public Task StopAsync() => _container is null ? RunScriptAsync("stop-app", _scriptEnvironment) : _container.StopAsync();

    public Task StartAsync(CancellationToken _ = default) => _container is null ? RunScriptAsync("start-app", _scriptEnvironment) : _container.StartAsync();

    private static string EnvValue(string env, string name) =>
        env.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith($"export {name}=", StringComparison.Ordinal))
            [$"export {name}=".Length..].Trim('\'');

    /// <summary>
    /// An account for one service on the virtual host with only what it needs, as rabbitmq.sh's
    /// service-uri gives the run command's services: its own "<service>-" queues and exchanges,
    /// binding to every event exchange, publishing to its own context's only, its bus endpoint.
    /// </summary>
    public async Task<string> ServiceAccountUriAsync(string amqpUri, string service)
    {
        var vhost = new Uri(amqpUri).AbsolutePath.TrimStart('/');
        var user = $"{service}-{vhost}"[..Math.Min(service.Length + 1 + vhost.Length, 100)];
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var context = char.ToUpperInvariant(service[0]) + service[1..];
        const string events = @"DecentWork\.Contracts\.Events\.";
        const string bus = @"^[^:]*_bus_[^:]*$";
        var own = $"^{service}-.*";
        using var http = ManagementClient();
        (await http.PutAsync($"api/users/{Uri.EscapeDataString(user)}", Json(new { password, tags = "" }))).EnsureSuccessStatusCode();
        (await http.PutAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}", Json(new
        {
            configure = $"{own}|^{events}.*|{bus}",
            write = $"{own}|^{events}{context}:.*|{bus}",
            read = $"{own}|^{events}.*|{bus}",
        }))).EnsureSuccessStatusCode();
        return new UriBuilder(_amqp) { UserName = user, Password = password, Path = "/" + vhost }.Uri.ToString();
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<string> RunScriptAsync(string command, Dictionary<string, string>? environment)
    {
        var script = Environment.GetEnvironmentVariable("DECENTWORK_RABBITMQ_SCRIPT")
            ?? throw new InvalidOperationException("DECENTWORK_RABBITMQ_SCRIPT is not set; run the tests through deploy/scripts/test.sh.");
        var start = new ProcessStartInfo(script, command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmq.sh {command} failed ({process.ExitCode}): {output}{error}");
        return output;
    }

    private string UserName => Uri.UnescapeDataString(_amqp.UserInfo.Split(':')[0]) is { Length: > 0 } user ? user : "guest";

    private HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = _management, Timeout = TimeSpan.FromSeconds(30) };
        var userInfo = Uri.UnescapeDataString(_amqp.UserInfo);
        var credentials = userInfo.Length > 0 ? userInfo : "guest:guest";
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        if (_scriptEnvironment is not null) await RunScriptAsync("stop", _scriptEnvironment);
    }
}
