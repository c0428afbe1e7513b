using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The portal reaches every RPC through its JSON route on the gateway. A route the gateway does not
/// forward (or forwards to the wrong service) comes back as 404 with the reason ROUTE_NOT_FOUND; every answer that
/// came from an RPC, success or error, is JSON. So each JSON route of each contract is called once.
/// </summary>
public partial class GatewayRoutingTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    public static TheoryData<string, string, string> JsonRoutes()
    {
        var routes = new TheoryData<string, string, string>();
        foreach (var method in ContractMethods.All)
        {
            var (verb, template) = ContractMethods.JsonRoute(method);
            routes.Add(method.FullName, verb, template);
        }
        return routes;
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task JsonRoute_ThroughTheGateway_ReachesItsRpc(string method, string verb, string template)
    {
        // The RPC may answer NOT_FOUND, INVALID_ARGUMENT or (for another role's RPC) PERMISSION_DENIED: all JSON.
        using var response = await fixture.Platform.GatewayJson.SendAsync(Request(verb, template));

        // The gateway answers an unrouted path with JSON too, but with the reason ROUTE_NOT_FOUND.
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json" && !body.Contains("ROUTE_NOT_FOUND", StringComparison.Ordinal),
            $"{method} ({verb} {template}) was not routed to its RPC: {(int)response.StatusCode} with {response.Content.Headers.ContentType?.ToString() ?? "no body"}");
    }

    /// <summary>Placeholder values that pass routing.</summary>
    public static HttpRequestMessage Request(string verb, string template)
    {
        var path = PathVariable().Replace(template, m => m.Groups["name"].Value.Contains("country") ? "ALB" : Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(verb), path);
        if (verb != "GET" && verb != "DELETE") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    [GeneratedRegex(@"\{(?<name>[a-z_.]+)(=[^}]*)?\}")]
    private static partial Regex PathVariable();
}
