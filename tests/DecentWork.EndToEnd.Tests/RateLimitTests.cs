using System.Net;
using DecentWork.Gateway;
using DecentWork.Testing;
using Grpc.Core;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// A gateway of its own with small buckets in front of the platform's services: past its limit a
/// client gets 429 with Retry-After (JSON) or RESOURCE_EXHAUSTED (gRPC), other clients do not,
/// report routes run out sooner, and the bucket refills after its period.
/// </summary>
public sealed class RateLimitTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private const int Calls = 6;
    private const int Reports = 2;
    private ServiceInstance _gateway = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["contentRoot"] = Path.Combine(AppContext.BaseDirectory, "gateway"),
            ["RateLimiting:Calls:TokenLimit"] = Calls.ToString(),
            ["RateLimiting:Calls:TokensPerPeriod"] = Calls.ToString(),
            ["RateLimiting:Calls:ReplenishmentPeriodMilliseconds"] = "3000",
            ["RateLimiting:Reports:TokenLimit"] = Reports.ToString(),
            ["RateLimiting:Reports:TokensPerPeriod"] = Reports.ToString(),
            ["RateLimiting:Reports:ReplenishmentPeriodMilliseconds"] = "3000",
        };
        foreach (var service in new[] { fixture.Platform.Programming, fixture.Platform.Partnerships, fixture.Platform.Coordination, fixture.Platform.Training })
            settings[$"ReverseProxy:Clusters:{service.Name}:Destinations:primary:Address"] = service.GrpcAddress.ToString();
        _gateway = await ServiceInstance.StartAsync(GatewayApp.ServiceName, GatewayApp.Build, settings);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task JsonCalls_PastTheLimit_Get429WithRetryAfterThenRecover()
    {
        var caller = TestCaller.WithRole(ServiceDefaults.Security.Roles.Auditor) with { Name = "Rate-limited JSON client" };
        var http = _gateway.HttpFor(caller);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Calls + 1; i++)
        {
            using var response = await http.GetAsync("/v1/programmes?pageSize=1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(Calls - 1));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Another client has a bucket of its own.
        using (var other = await _gateway.HttpFor(TestCaller.Auditor).GetAsync("/v1/programmes?pageSize=1"))
            Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        using var recovered = await http.GetAsync("/v1/programmes?pageSize=1");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, recovered.StatusCode);
    }

    [Fact]
    public async Task GrpcCalls_PastTheLimit_AreResourceExhausted()
    {
        var caller = TestCaller.WithRole(ServiceDefaults.Security.Roles.Auditor) with { Name = "Rate-limited gRPC client" };
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(_gateway.ChannelFor(caller));
        var codes = new List<StatusCode>();
        for (var i = 0; i < Calls + 1; i++)
        {
            try
            {
                await programmes.ListProgrammesAsync(new ProgrammingV1.ListProgrammesRequest { PageSize = 1 });
                codes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                codes.Add(e.StatusCode);
            }
        }
        Assert.DoesNotContain(StatusCode.ResourceExhausted, codes.Take(Calls - 1));
        Assert.Equal(StatusCode.ResourceExhausted, codes[^1]);
    }

    [Fact]
    public async Task ReportRoutes_RunOutBeforeOtherCalls()
    {
        var caller = TestCaller.WithRole(ServiceDefaults.Security.Roles.Auditor) with { Name = "Rate-limited report reader" };
        var http = _gateway.HttpFor(caller);
        var reports = new List<HttpStatusCode>();
        for (var i = 0; i < Reports + 1; i++)
        {
            using var response = await http.GetAsync("/v1/programmes:reportByStatus");
            reports.Add(response.StatusCode);
        }
        using var list = await http.GetAsync("/v1/programmes?pageSize=1");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, reports.Take(Reports));
        Assert.Equal(HttpStatusCode.TooManyRequests, reports[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, list.StatusCode);
    }
}
