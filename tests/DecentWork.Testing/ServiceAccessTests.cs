using System.Net;
using System.Reflection;
using DecentWork.ServiceDefaults.Security;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Xunit;

namespace DecentWork.Testing;

/// <summary>
/// Who may call what, for one service. Expectations come from <see cref="AccessPolicies.Matrix"/>,
/// not from a copy of it, so the tests follow the table; <typeparamref name="TRpcs"/> says which
/// policy each RPC means. Derive once per service with its descriptor, implementation, policies
/// and a JSON route.
/// </summary>
public abstract class ServiceAccessTests<TFixture, TClient, TRpcs>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ServiceFixture
    where TClient : ClientBase<TClient>
    where TRpcs : IServiceRpcs<TClient>
{
    /// <summary>The service as the proto declares it.</summary>
    protected abstract ServiceDescriptor Descriptor { get; }

    /// <summary>The class implementing the service, and the generated base it overrides.</summary>
    protected abstract Type Implementation { get; }
    protected abstract Type ImplementationBase { get; }

    /// <summary>The prefix of the service's policies in the matrix ("coordination.").</summary>
    protected abstract string PolicyPrefix { get; }

    /// <summary>The service's write policy: the one the auditor is denied.</summary>
    protected abstract string WritePolicy { get; }

    /// <summary>A JSON read route the service's default caller may call.</summary>
    protected abstract string JsonRoute { get; }

    protected abstract TClient ClientOn(ChannelBase channel);

    public static TheoryData<string> Policies => new(OnePerPolicy.Select(r => r.Policy));

    /// <summary>The service's policies in the matrix (its own prefix), each with the first RPC naming it.</summary>
    private static IEnumerable<ServiceRpc<TClient>> OnePerPolicy => TRpcs.All.GroupBy(r => r.Policy).Select(g => g.First());

    private TClient ClientFor(TestCaller caller) => ClientOn(fixture.Service.ChannelFor(caller));

    [Fact]
    public void Rpcs_WhenListedForTheTests_CoverEveryRpcAndEveryPolicyOfTheService()
    {
        var methods = Descriptor.Methods.Select(m => m.Name).Order();
        Assert.Equal(methods, TRpcs.All.Select(r => r.Name).Order());
        var policies = AccessPolicies.Matrix.Keys.Where(p => p.StartsWith(PolicyPrefix, StringComparison.Ordinal)).Order();
        Assert.Equal(policies, TRpcs.All.Select(r => r.Policy).Distinct().Order());
    }

    [Fact]
    public void Implementation_WhenItOverridesAnRpc_NamesThePolicyTheRpcMeans()
    {
        var implementations = Implementation
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == ImplementationBase)
            .ToList();
        Assert.Equal(TRpcs.All.Count, implementations.Count);
        foreach (var method in implementations)
        {
            var expected = TRpcs.All.Single(r => r.Name == method.Name).Policy;
            var named = method.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            Assert.True(named.SequenceEqual([expected]), $"{method.Name} names [{string.Join(", ", named)}], expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Rpc_WhenTheMatrixAdmitsTheRole_IsNotDenied(string policy)
    {
        var rpc = OnePerPolicy.Single(r => r.Policy == policy);
        var failures = new List<string>();
        foreach (var role in Roles.All.Where(role => AccessPolicies.Matrix[policy].Contains(role)))
        {
            var status = await rpc.StatusOf(ClientFor(TestCaller.WithRole(role)));
            if (status is StatusCode.PermissionDenied or StatusCode.Unauthenticated) failures.Add($"{role}: {status}");
        }
        Assert.True(failures.Count == 0, $"{rpc.Name} ({policy}) refused roles the matrix admits: {string.Join("; ", failures)}");
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Rpc_WhenTheMatrixDoesNotAdmitTheRole_IsPermissionDenied(string policy)
    {
        var rpc = OnePerPolicy.Single(r => r.Policy == policy);
        var failures = new List<string>();
        foreach (var role in Roles.All.Where(role => !AccessPolicies.Matrix[policy].Contains(role)))
        {
            var status = await rpc.StatusOf(ClientFor(TestCaller.WithRole(role)));
            if (status != StatusCode.PermissionDenied) failures.Add($"{role}: {status}");
        }
        Assert.True(failures.Count == 0, $"{rpc.Name} ({policy}) did not refuse roles the matrix leaves out: {string.Join("; ", failures)}");
    }

    [Fact]
    public async Task EveryRpc_WhenAnonymous_IsUnauthenticated()
    {
        var client = ClientOn(fixture.Service.AnonymousChannel);
        var failures = new List<string>();
        foreach (var rpc in TRpcs.All)
            if (await rpc.StatusOf(client) is var status && status != StatusCode.Unauthenticated) failures.Add($"{rpc.Name}: {status}");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public async Task JsonRoute_WhenAnonymous_Is401()
    {
        using var anonymous = fixture.Service.AnonymousJsonClient();
        var refused = await anonymous.GetAsync(JsonRoute);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        // The same route with a token answers, so the 401 came from the missing token, not from a missing route.
        using var authenticated = fixture.Service.JsonClient();
        var answered = await authenticated.GetAsync(JsonRoute);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task EveryRpc_WhenAuditor_ReadsButIsDeniedEveryWrite()
    {
        var client = ClientFor(TestCaller.Auditor);
        var failures = new List<string>();
        foreach (var rpc in TRpcs.All)
        {
            var status = await rpc.StatusOf(client);
            var denied = status is StatusCode.PermissionDenied or StatusCode.Unauthenticated;
            if (rpc.Policy == WritePolicy ? status != StatusCode.PermissionDenied : denied)
                failures.Add($"{rpc.Name} ({rpc.Policy}): {status}");
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public async Task EveryRpc_WhenOperations_IsPermissionDenied()
    {
        var client = ClientFor(TestCaller.Operations);
        var failures = new List<string>();
        foreach (var rpc in TRpcs.All)
            if (await rpc.StatusOf(client) is var status && status != StatusCode.PermissionDenied) failures.Add($"{rpc.Name}: {status}");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public async Task Health_WhenAnonymousOrOperations_Is200()
    {
        var anonymous = await fixture.Service.AnonymousHttp.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        var operations = await fixture.Service.HttpFor(TestCaller.Operations).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, operations.StatusCode);
    }
}
