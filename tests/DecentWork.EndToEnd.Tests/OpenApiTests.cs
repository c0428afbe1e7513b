using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DecentWork.Gateway;
using DecentWork.Gateway.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The OpenAPI document and the reference page through the gateway without a token (documentation
/// is open), every JSON route of every contract in it, and nothing else on the gateway open.
/// </summary>
public partial class OpenApiTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task OpenApiDocument_WhenAnonymous_HoldsEveryJsonRouteOfEveryContract()
    {
        using var response = await Platform.Gateway.AnonymousHttp.GetAsync(OpenApiEndpoints.DocumentPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        var missing = new List<string>();
        foreach (var method in ContractMethods.All)
        {
            var (verb, template) = ContractMethods.JsonRoute(method);
            var path = PathVariable().Replace(template, m => "{" + m.Groups["name"].Value + "}");
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(verb.ToLowerInvariant(), out var operation)
                || operation.GetProperty("operationId").GetString() != method.Name)
                missing.Add($"{method.FullName}: {verb} {path}");
        }
        Assert.True(missing.Count == 0, "not in the document: " + string.Join("; ", missing));
        Assert.Equal(ContractMethods.All.Count(), paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
    }

    [Fact]
    public async Task OpenApiDocument_WhenRead_NamesTheBearerSchemeAndProto3JsonTypes()
    {
        var document = JsonDocument.Parse(await Platform.Gateway.AnonymousHttp.GetStringAsync(OpenApiEndpoints.DocumentPath)).RootElement;

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ProtoOpenApi.BearerScheme);
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty(ProtoOpenApi.BearerScheme, out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var units = schemas.GetProperty("google.type.Money").GetProperty("properties").GetProperty("units");
        Assert.Equal("string", units.GetProperty("type").GetString()); // int64 as a string, as the JSON API writes it
        var partner = schemas.GetProperty("decentwork.partnerships.v1.Partner").GetProperty("properties");
        Assert.Contains("PARTNER_CATEGORY_FOUNDATION", partner.GetProperty("category").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task ReferencePage_WhenAnonymous_IsServedAsHtml()
    {
        using var response = await Platform.Gateway.AnonymousHttp.GetAsync(OpenApiEndpoints.ReferencePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Scalar writes its configuration as JSON in the page (slashes may be escaped): it must name our document.
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(page.Replace("\\u002F", "/", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal).Contains("openapi/v1.json", StringComparison.Ordinal), page);
    }

    [Fact]
    public void GatewayEndpoints_ThatAllowAnonymous_AreHealthAndTheDocumentationOnly()
    {
        var anonymous = Platform.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            // The portal's two routes are anonymous at the gateway because the portal signs its users in
            // itself (OpenDataTests pins them; DecentWork.Portal.Tests signs in through them).
            .Where(e => e.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>()?.Config.ClusterId != GatewayApp.PortalCluster)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(path => !OperationsEndpoints.Contains(path))
            .ToList();
        Assert.NotEmpty(anonymous);
        Assert.All(anonymous, path => Assert.True(
            path == OpenApiEndpoints.DocumentPath || path.StartsWith(OpenApiEndpoints.ReferencePath, StringComparison.Ordinal), $"{path} allows anonymous callers"));
    }

    [GeneratedRegex(@"\{(?<name>[^}=]+)(=[^}]*)?}")]
    private static partial Regex PathVariable();
}
