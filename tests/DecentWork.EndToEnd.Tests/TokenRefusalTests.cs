using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using DecentWork.Identity.Keys;
using DecentWork.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Only a token the identity service signed, for this API, still valid, passes: at the gateway
/// and at the service's own port. Each forged token differs from an accepted one in one property,
/// and the same forging with that property left alone is accepted, so each refusal is for that reason.
/// </summary>
public class TokenRefusalTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string ListRoute = "/v1/programmes?pageSize=1";

    [Fact]
    public async Task Token_WhenResignedWithTheRealKeyUnchanged_IsAccepted()
    {
        Assert.Equal(HttpStatusCode.OK, await GatewayAsync(await ForgeAsync(_ => { })));
    }

    [Fact]
    public async Task Token_WhenExpired_IsRefused()
    {
        var token = await ForgeAsync(claims =>
        {
            claims["iat"] = Unix(DateTime.UtcNow.AddMinutes(-30));
            claims["nbf"] = Unix(DateTime.UtcNow.AddMinutes(-30));
            claims["exp"] = Unix(DateTime.UtcNow.AddMinutes(-5));
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAsync(token));
    }

    [Fact]
    public async Task Token_WhenIssuerIsAnother_IsRefused()
    {
        var token = await ForgeAsync(claims => claims["iss"] = "http://127.0.0.1:1/");
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAsync(token));
    }

    [Fact]
    public async Task Token_WhenAudienceIsNoneOfTheApis_IsRefused()
    {
        var token = await ForgeAsync(claims => claims["aud"] = "decentwork-elsewhere");
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAsync(token));
    }

    [Fact]
    public async Task Token_WhenSignedByAnotherKeyUnderTheSameKid_IsRefused()
    {
        var real = SigningKey();
        using var other = RSA.Create(2048);
        var token = await ForgeAsync(_ => { }, new RsaSecurityKey(other) { KeyId = real.KeyId });
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAsync(token));
    }

    [Fact]
    public async Task Token_WhenUnsigned_AlgNone_IsRefused()
    {
        var payload = new JsonWebToken(await RealTokenAsync()).EncodedPayload;
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAsync($"{header}.{payload}."));
    }

    [Fact]
    public async Task Token_ForAnotherApi_PassesTheGatewayButNotTheService()
    {
        // A training-only token is a valid platform token (the gateway lets it through) but not for programming.
        var token = await fixture.Platform.Gateway.Identity.TokenAsync(TestCaller.Loader, "training");
        Assert.Equal(HttpStatusCode.Unauthorized, await GatewayAsync(token));
        var direct = new Grpc.Core.Metadata { { "authorization", "Bearer " + token } };
        var programmes = new Contracts.Programming.V1.ProgrammingService.ProgrammingServiceClient(fixture.Platform.Programming.AnonymousChannel);
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            programmes.ListProgrammesAsync(new Contracts.Programming.V1.ListProgrammesRequest(), direct).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, refused.StatusCode);
    }

    private async Task<HttpStatusCode> GatewayAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ListRoute);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Platform.Gateway.AnonymousHttp.SendAsync(request);
        return response.StatusCode;
    }

    private Task<string> RealTokenAsync() => fixture.Platform.Gateway.Identity.TokenAsync(TestCaller.ProgrammeStaff);

    /// <summary>A real token's claims, changed by <paramref name="change"/>, signed (by default) with the real key.</summary>
    private async Task<string> ForgeAsync(Action<Dictionary<string, object>> change, SecurityKey? key = null)
    {
        var real = new JsonWebToken(await RealTokenAsync());
        var claims = real.Claims.GroupBy(c => c.Type).ToDictionary(
            g => g.Key, g => g.Count() == 1 ? (object)ClaimValue(g.Single()) : g.Select(ClaimValue).ToArray());
        change(claims);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? SigningKey(), SecurityAlgorithms.RsaSha256),
            TokenType = real.Typ,
        });
    }

    private static object ClaimValue(System.Security.Claims.Claim claim) =>
        claim.ValueType == System.Security.Claims.ClaimValueTypes.Integer64 || claim.ValueType == System.Security.Claims.ClaimValueTypes.Integer
            ? long.Parse(claim.Value, System.Globalization.CultureInfo.InvariantCulture)
            : claim.Value;

    private RsaSecurityKey SigningKey() =>
        KeyRing.Load(fixture.Platform.Gateway.Identity.KeysFolder, "signing", TimeSpan.FromDays(90), DateTimeOffset.UtcNow)[0];

    private static long Unix(DateTime time) => new DateTimeOffset(time).ToUnixTimeSeconds();
}
