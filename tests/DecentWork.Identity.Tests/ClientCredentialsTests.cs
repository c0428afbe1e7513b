using System.Net;
using DecentWork.Identity.Seeding;

namespace DecentWork.Identity.Tests;

public sealed class ClientCredentialsTests(SeededIdentity identity) : IClassFixture<SeededIdentity>
{
    private static readonly string[] AllAudiences =
        ["decentwork-programming", "decentwork-coordination", "decentwork-partnerships", "decentwork-training"];

    private HttpClient Http => identity.Instance.Http;

    [Fact]
    public async Task Discovery_WhenRequested_PublishesEndpointsAndSigningKeys()
    {
        using var discovery = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("/.well-known/openid-configuration"));
        var root = discovery.RootElement;
        Assert.Equal(identity.Instance.Address.ToString(), root.GetProperty("issuer").GetString());
        Assert.EndsWith("/connect/token", root.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/connect/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/connect/revoke", root.GetProperty("revocation_endpoint").GetString());
        Assert.EndsWith("/connect/endsession", root.GetProperty("end_session_endpoint").GetString());
        Assert.Contains("S256", root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(await Tokens.KeyIdsAsync(Http));
    }

    [Fact]
    public async Task Health_WhenStarted_IsHealthy()
    {
        using var health = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("/health"));
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ClientCredentials_WhenSecretIsRight_ReturnsSignedJwtWithPlatformClaims()
    {
        var body = await Tokens.ClientCredentialsAsync(Http, "test-loader", SeededIdentity.LoaderSecret);
        var raw = body.GetProperty("access_token").GetString()!;

        var validation = await Tokens.ValidateAsync(Http, raw);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = Tokens.Read(raw);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("test-loader", token.Subject);
        Assert.Equal("Test loader", Tokens.Values(token, "name").Single());
        Assert.Equal(["programme-staff", "training-centre"], Tokens.Values(token, "role").Order());
        Assert.Empty(Tokens.Values(token, "country"));
        Assert.Empty(Tokens.Values(token, "partner"));
        Assert.Empty(Tokens.Values(token, "constituent_group"));
        // The platform's claims, JWT and OAuth registered ones and OpenIddict's own ids; nothing else
        // (no ASP.NET Core Identity security stamp or claim-type URIs).
        string[] allowed = ["sub", "name", "role", "country", "partner", "constituent_group",
            "iss", "aud", "exp", "iat", "nbf", "jti", "scope", "client_id"];
        Assert.All(token.Claims.Select(c => c.Type),
            type => Assert.True(allowed.Contains(type) || type.StartsWith("oi_", StringComparison.Ordinal), type));
        var lifetime = token.ValidTo - token.IssuedAt;
        Assert.InRange(lifetime.TotalMinutes, 9.9, 10.1);
    }

    [Fact]
    public async Task ClientCredentials_WhenPartnerAgency_CarriesPartnerName()
    {
        var token = Tokens.Read(await Tokens.AccessTokenAsync(Http, "test-eu", SeededIdentity.EuSecret));
        Assert.Equal(["partner"], Tokens.Values(token, "role"));
        Assert.Equal(["European Union"], Tokens.Values(token, "partner"));
    }

    [Fact]
    public async Task ClientCredentials_WhenSecretIsWrong_IsInvalidClient()
    {
        var (response, body) = await Tokens.PostAsync(Http,
            ("grant_type", "client_credentials"), ("client_id", "test-loader"), ("client_secret", "wrong"));
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_WhenClientIsUnknown_IsInvalidClient()
    {
        var (_, body) = await Tokens.PostAsync(Http,
            ("grant_type", "client_credentials"), ("client_id", "nobody"), ("client_secret", "whatever"));
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_WhenApiScopesNamed_AudienceIsTheirResources()
    {
        var body = await Tokens.ClientCredentialsAsync(Http, "test-loader", SeededIdentity.LoaderSecret, "training programming");
        var token = Tokens.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["decentwork-programming", "decentwork-training"], token.Audiences.Order());
        // The response repeats no scope when it equals the request's; the token lists what was granted.
        Assert.Equal(["programming", "training"], Tokens.Values(token, "scope").SelectMany(s => s.Split(' ')).Order());
    }

    [Fact]
    public async Task ClientCredentials_WhenNoScopeNamed_AudienceIsAllFour()
    {
        var body = await Tokens.ClientCredentialsAsync(Http, "test-loader", SeededIdentity.LoaderSecret);
        var token = Tokens.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(AllAudiences.Order(), token.Audiences.Order());
        Assert.Equal(["coordination", "partnerships", "programming", "training"],
            Tokens.Values(token, "scope").SelectMany(s => s.Split(' ')).Order());
    }

    [Fact]
    public async Task ClientCredentials_WhenScopeUnknown_IsInvalidScope()
    {
        var (_, body) = await Tokens.PostAsync(Http, ("grant_type", "client_credentials"), ("client_id", "test-loader"),
            ("client_secret", SeededIdentity.LoaderSecret), ("scope", "payroll"));
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task EnsureClient_WhenCalledAtRunTime_ClientGetsTokens()
    {
        var secret = TestSecrets.New();
        await IdentitySeeder.EnsureClientAsync(identity.Instance.Services, new SeedClient
        {
            ClientId = "runtime-auditor", ClientSecret = secret, DisplayName = "Runtime auditor",
            Roles = ["auditor"], Countries = ["khm"],
        });
        var token = Tokens.Read(await Tokens.AccessTokenAsync(Http, "runtime-auditor", secret));
        Assert.Equal(["auditor"], Tokens.Values(token, "role"));
        Assert.Equal(["KHM"], Tokens.Values(token, "country"));
    }

    [Fact]
    public async Task Token_WhenGrantTypeIsPassword_IsRefused()
    {
        var (response, _) = await Tokens.PostAsync(Http,
            ("grant_type", "password"), ("client_id", "test-loader"), ("username", "tz.gov"), ("password", SeededIdentity.UserPassword));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
