using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using DecentWork.ServiceDefaults.Tests.Storage;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>
/// A MongoDB address where nothing listens (a closed loopback port), through the real driver:
/// what a lost server looks like to the adapter, its health check and the gRPC error mapping.
/// </summary>
public sealed class LostServerTests
{
    private static string NoServer() =>
        $"mongodb://127.0.0.1:{DecentWork.Testing.FreePort.Next()}/?replicaSet=rs0&serverSelectionTimeoutMS=300&connectTimeoutMS=300";

    [Fact]
    public async Task FindAsync_WhenNoServerAnswers_ThrowsStoreUnavailable()
    {
        var context = new MongoDatabaseContext(NoServer(), "lost");
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [], new OutboxSignal());

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.FindAsync(Guid.NewGuid()));

        Assert.True(MongoFailures.IsUnavailable(error.InnerException!));
    }

    [Fact]
    public async Task SaveAsync_WhenNoServerAnswers_ThrowsStoreUnavailableAndKeepsTheVersion()
    {
        var context = new MongoDatabaseContext(NoServer(), "lost");
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [], new OutboxSignal());
        var ledger = Ledger.Open("L-1", "TZA", 10m, new DateOnly(2008, 1, 1));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SaveAsync(ledger));

        Assert.Equal(0, ledger.Version);
        Assert.NotEmpty(ledger.PendingEvents());
    }

    [Fact]
    public async Task HealthCheck_WhenNoServerAnswers_IsUnhealthyWithoutTheInternals()
    {
        var settings = new StorageSettings("lost", NoServer(), "lost", Path.GetTempPath());
        var services = new ServiceCollection();
        services.AddDecentWorkStorage(settings);
        await using var provider = services.BuildServiceProvider();
        var check = new StorageHealthCheck(provider, settings, provider.GetRequiredService<IOutbox>());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("store did not answer in time", result.Description);
    }

    [Fact]
    public async Task ErrorMapping_WhenTheStoreIsUnavailable_AnswersUnavailableWithRetryInfo()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance, ErrorDomain.Of("test"));
        var lost = new StoreUnavailableException(new TimeoutException("A timeout occurred after 30000ms selecting a server: internals"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<string, string>("request", new MethodOnlyCallContext("/decentwork.test.v1.Test/Get"), (_, _) => throw lost));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.DoesNotContain("internals", error.Status.Detail);
        var retry = error.GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.Equal(lost.RetryAfter, retry.RetryDelay.ToTimeSpan());
        Assert.Equal(ErrorDetails.StoreUnavailable, error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }
}

/// <summary>Just enough of a call for the interceptor's log line: the method name.</summary>
internal sealed class MethodOnlyCallContext(string method) : ServerCallContext
{
    protected override string MethodCore => method;
    protected override string HostCore => "127.0.0.1";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => CancellationToken.None;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override global::Grpc.Core.Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);
    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
