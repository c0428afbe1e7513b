using System.Net;
using System.Reflection;
using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace DecentWork.Training.Tests;

/// <summary>
/// Who may call what. Expectations come from <see cref="AccessPolicies.Matrix"/>, not from a copy
/// of it, so the tests follow the table; <see cref="TrainingRpcs"/> says which policy each RPC means.
/// </summary>
public class AccessTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const string PolicyPrefix = "training.";

    public static TheoryData<string> Policies => new(TrainingRpcs.OnePerPolicy.Select(r => r.Policy));

    private TrainingService.TrainingServiceClient ClientFor(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    [Fact]
    public void Rpcs_WhenListedForTheTests_CoverEveryRpcAndEveryTrainingPolicy()
    {
        var methods = TrainingService.Descriptor.Methods.Select(m => m.Name).Order();
        Assert.Equal(methods, TrainingRpcs.All.Select(r => r.Name).Order());
        var policies = AccessPolicies.Matrix.Keys.Where(p => p.StartsWith(PolicyPrefix, StringComparison.Ordinal)).Order();
        Assert.Equal(policies, TrainingRpcs.All.Select(r => r.Policy).Distinct().Order());
    }

    [Fact]
    public void Implementation_WhenItOverridesAnRpc_NamesThePolicyTheRpcMeans()
    {
        var implementations = typeof(Grpc.TrainingService)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == typeof(TrainingService.TrainingServiceBase))
            .ToList();
        Assert.Equal(TrainingRpcs.All.Count, implementations.Count);
        foreach (var method in implementations)
        {
            var expected = TrainingRpcs.Named(method.Name).Policy;
            var named = method.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            Assert.True(named.SequenceEqual([expected]), $"{method.Name} names [{string.Join(", ", named)}], expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Rpc_WhenTheMatrixAdmitsTheRole_IsNotDenied(string policy)
    {
        var rpc = TrainingRpcs.OnePerPolicy.Single(r => r.Policy == policy);
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
        var rpc = TrainingRpcs.OnePerPolicy.Single(r => r.Policy == policy);
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
        var client = new TrainingService.TrainingServiceClient(fixture.Service.AnonymousChannel);
        var failures = new List<string>();
        foreach (var rpc in TrainingRpcs.All)
            if (await rpc.StatusOf(client) is var status && status != StatusCode.Unauthenticated) failures.Add($"{rpc.Name}: {status}");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public async Task JsonRoute_WhenAnonymous_Is401()
    {
        using var anonymous = fixture.Service.AnonymousJsonClient();
        var refused = await anonymous.GetAsync("/v1/courses");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        // The same route with a token answers, so the 401 came from the missing token, not from a missing route.
        using var authenticated = fixture.Service.JsonClient();
        var answered = await authenticated.GetAsync("/v1/courses");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task EveryRpc_WhenAuditor_ReadsButIsDeniedEveryWrite()
    {
        var client = ClientFor(TestCaller.Auditor);
        var failures = new List<string>();
        foreach (var rpc in TrainingRpcs.All)
        {
            var status = await rpc.StatusOf(client);
            var denied = status is StatusCode.PermissionDenied or StatusCode.Unauthenticated;
            if (rpc.Policy == AccessPolicies.TrainingWrite ? status != StatusCode.PermissionDenied : denied)
                failures.Add($"{rpc.Name} ({rpc.Policy}): {status}");
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public async Task EveryRpc_WhenOperations_IsPermissionDenied()
    {
        var client = ClientFor(TestCaller.Operations);
        var failures = new List<string>();
        foreach (var rpc in TrainingRpcs.All)
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
