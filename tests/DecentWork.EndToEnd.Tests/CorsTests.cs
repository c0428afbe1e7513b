using System.Net;
using DecentWork.Gateway;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Browsers may call the JSON API from the portal's configured origin and from nowhere else.</summary>
public class CorsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/programmes");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await fixture.Platform.Gateway.AnonymousHttp.SendAsync(request);
    }

    [Fact]
    public async Task Preflight_WhenFromThePortalOrigin_IsAllowed()
    {
        using var response = await PreflightAsync(GatewayApp.DefaultPortalOrigin);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(GatewayApp.DefaultPortalOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Preflight_WhenFromAnotherOrigin_GrantsNothing()
    {
        using var response = await PreflightAsync("http://evil.example");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_WhenFromThePortalOrigin_CarriesTheAllowOriginHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/iati/organisation.xml");
        request.Headers.Add("Origin", GatewayApp.DefaultPortalOrigin);
        using var response = await fixture.Platform.Gateway.AnonymousHttp.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GatewayApp.DefaultPortalOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
