using System.Net;
using System.Reflection;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authorization;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Nothing is open by default: every RPC of every contract names a policy of the matrix next to
/// its implementation, and without a valid token every RPC and every JSON route is refused, at
/// the gateway and at each service's own port alike.
/// </summary>
public class AccessTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly IReadOnlyDictionary<string, Type> Implementations = new Dictionary<string, Type>
    {
        ["decentwork.programming.v1.ProgrammingService"] = typeof(Programming.Grpc.ProgrammingService),
        ["decentwork.coordination.v1.CoordinationService"] = typeof(Coordination.Grpc.CoordinationService),
        ["decentwork.coordination.v1.KnowledgeService"] = typeof(Coordination.Grpc.KnowledgeService),
        ["decentwork.partnerships.v1.PartnershipsService"] = typeof(Partnerships.Grpc.PartnershipsService),
        ["decentwork.training.v1.TrainingService"] = typeof(Training.Grpc.TrainingService),
    };

    public static TheoryData<string> Rpcs() => new(ContractMethods.All.Select(m => m.FullName));

    public static TheoryData<string, string, string> JsonRoutes() => GatewayRoutingTests.JsonRoutes();

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void Rpc_Implementation_NamesAPolicyOfTheMatrix(string rpc)
    {
        var method = ContractMethods.All.Single(m => m.FullName == rpc);
        var implementation = Implementations[method.Service.FullName]
            .GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.True(implementation is not null, $"{rpc} is not implemented by {Implementations[method.Service.FullName].Name}");
        var policies = implementation!.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
        Assert.False(implementation.IsDefined(typeof(AllowAnonymousAttribute)), $"{rpc} allows anonymous callers");
        var policy = Assert.Single(policies);
        Assert.True(policy is not null && AccessPolicies.Matrix.ContainsKey(policy), $"{rpc} names '{policy}', which is not in the matrix");
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Rpc_WhenAnonymous_IsUnauthenticatedAtTheGatewayAndAtItsService(string rpc)
    {
        var method = ContractMethods.All.Single(m => m.FullName == rpc);
        var service = method.Service.FullName.Split('.')[1] switch
        {
            "programming" => fixture.Platform.Programming,
            "coordination" => fixture.Platform.Coordination,
            "partnerships" => fixture.Platform.Partnerships,
            _ => fixture.Platform.Training,
        };
        foreach (var channel in new[] { fixture.Platform.Gateway.AnonymousChannel, service.AnonymousChannel })
            Assert.Equal(StatusCode.Unauthenticated, await CallAsync(channel, method.Service.FullName, method.Name));
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Rpc_WhenTokenIsNotAJwt_IsUnauthenticated(string rpc)
    {
        var method = ContractMethods.All.Single(m => m.FullName == rpc);
        var headers = new Metadata { { "authorization", "Bearer not-a-token" } };
        Assert.Equal(StatusCode.Unauthenticated, await CallAsync(fixture.Platform.Gateway.AnonymousChannel, method.Service.FullName, method.Name, headers));
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task JsonRoute_WhenAnonymous_Is401WithABearerChallenge(string rpc, string verb, string template)
    {
        using var request = GatewayRoutingTests.Request(verb, template);

        using var response = await fixture.Platform.Gateway.AnonymousHttp.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{rpc} ({verb} {template}) answered {(int)response.StatusCode}");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_WhenAnonymous_AnswersWithoutAToken()
    {
        using var response = await fixture.Platform.Gateway.AnonymousHttp.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task JsonAnswers_CarryNoSniffNoStoreAndNoServerHeader()
    {
        using var refused = await fixture.Platform.Gateway.AnonymousHttp.GetAsync("/v1/programmes");
        using var answered = await fixture.Platform.GatewayJson.GetAsync("/v1/programmes");
        foreach (var response in new[] { refused, answered })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store is missing");
            Assert.False(response.Headers.Contains("Server"), "a Server header names the web server");
        }
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task JsonRoute_WhenTheRoleDoesNotAllowIt_Is403AsJson()
    {
        using var response = await fixture.Platform.GatewayJsonFor(TestCaller.Operations).GetAsync("/v1/programmes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Calls any unary RPC with an empty message and returns the status it ends with.</summary>
    private static async Task<StatusCode> CallAsync(GrpcChannel channel, string service, string method, Metadata? headers = null)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, bytes, bytes);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(headers), []);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
