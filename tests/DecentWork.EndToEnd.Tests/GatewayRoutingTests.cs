using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The portal reaches every RPC through its JSON route on the gateway. A route the gateway does not
/// forward (or forwards to the wrong service) comes back as a bare 404 with no body; every answer that
/// came from an RPC, success or error, is JSON. So each JSON route of each contract is called once.
/// </summary>
public partial class GatewayRoutingTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    public static TheoryData<string, string, string> JsonRoutes()
    {
        var routes = new TheoryData<string, string, string>();
        foreach (var service in new[]
                 {
                     ProgrammingV1.ProgrammingService.Descriptor, CoordinationV1.CoordinationService.Descriptor,
                     PartnershipsV1.PartnershipsService.Descriptor, TrainingV1.TrainingService.Descriptor,
                 })
        {
            foreach (var method in service.Methods)
            {
                var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
                    ?? throw new InvalidOperationException($"{method.FullName} has no JSON route");
                var (verb, template) = rule.PatternCase switch
                {
                    HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
                    HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
                    HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
                    HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
                    HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
                    _ => throw new InvalidOperationException($"{method.FullName} has an unsupported JSON route"),
                };
                routes.Add(method.FullName, verb, template);
            }
        }
        return routes;
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task JsonRoute_ThroughTheGateway_ReachesItsRpc(string method, string verb, string template)
    {
        // Placeholder values that pass routing; the RPC may then answer NOT_FOUND or INVALID_ARGUMENT as JSON.
        var path = PathVariable().Replace(template, m => m.Groups["name"].Value.Contains("country") ? "ALB" : Guid.NewGuid().ToString());
        using var request = new HttpRequestMessage(new HttpMethod(verb), path);
        if (verb != "GET" && verb != "DELETE") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await fixture.Platform.GatewayJson.SendAsync(request);

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{method} ({verb} {template}) was not routed to its RPC: {(int)response.StatusCode} with {response.Content.Headers.ContentType?.ToString() ?? "no body"}");
    }

    [GeneratedRegex(@"\{(?<name>[a-z_.]+)(=[^}]*)?\}")]
    private static partial Regex PathVariable();
}
