using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;

namespace DecentWork.DemoData;

/// <summary>
/// Gateway channels that carry access tokens of the demo clients, got by client credentials from
/// the identity service like any partner system gets them. Secrets come from the identity
/// service's demo-credentials.json (written on its first start, never committed).
/// </summary>
public sealed class DemoCallers(Uri gateway, Uri identity, IReadOnlyDictionary<string, string> secrets) : IDisposable
{
    public const string Loader = "demo-loader";
    public const string QaReviewer = "demo-qa-reviewer";

    /// <summary>The client that signs for a constituent group: government, employers or workers.</summary>
    public static string Constituent(string group) => $"demo-constituent-{group}";

    private readonly HttpClient _identity = new() { BaseAddress = identity, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<string, (string Token, DateTime RenewAfter)> _tokens = new();

    public static DemoCallers FromFile(string credentialsPath, Uri gateway, Uri identity)
    {
        if (!File.Exists(credentialsPath))
            throw new FileNotFoundException(
                $"No demo credentials at {credentialsPath}: start the identity service with Identity:DemoAccounts=true (deploy/scripts/run.sh does).");
        var file = JsonSerializer.Deserialize<CredentialsFile>(File.ReadAllText(credentialsPath), JsonOptions)!;
        return new DemoCallers(gateway, identity, file.Accounts.Where(a => a.Kind == "client" && a.Secret is not null)
            .ToDictionary(a => a.Id, a => a.Secret!));
    }

    public GrpcChannel ChannelFor(string clientId) => _channels.GetOrAdd(clientId, id =>
        GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(
                gateway.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor(async (_, metadata) => metadata.Add("authorization", "Bearer " + await TokenAsync(id)))),
            // The run command's gateway is plain http on loopback; anything beyond it should be https.
            UnsafeUseInsecureChannelCallCredentials = gateway.IsLoopback,
        }));

    private async Task<string> TokenAsync(string clientId)
    {
        if (_tokens.TryGetValue(clientId, out var cached) && cached.RenewAfter > DateTime.UtcNow) return cached.Token;
        if (!secrets.TryGetValue(clientId, out var secret))
            throw new InvalidOperationException($"The demo credentials hold no client '{clientId}'.");
        using var response = await _identity.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The identity service refused a token for '{clientId}': {(int)response.StatusCode}.");
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>())!;
        _tokens[clientId] = (token.AccessToken, DateTime.UtcNow.AddSeconds(Math.Max(0, token.ExpiresIn - 60)));
        return token.AccessToken;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        _identity.Dispose();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record CredentialsFile(List<CredentialEntry> Accounts);

    private sealed record CredentialEntry(string Kind, string Id, string? Secret);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
