using System.Net;
using DecentWork.Testing;

namespace DecentWork.Training.Tests;

internal static class JsonClients
{
    /// <summary>
    /// HTTP/2 to the gRPC port, as the gateway calls the JSON routes, each request carrying a token
    /// of <paramref name="caller"/> (the service's default caller unless given).
    /// </summary>
    public static HttpClient JsonClient(this ServiceInstance service, TestCaller? caller = null) =>
        new(new BearerTokenHandler(() => service.Identity.TokenAsync(caller ?? service.DefaultCaller)) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = service.GrpcAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

    /// <summary>The same without a token.</summary>
    public static HttpClient AnonymousJsonClient(this ServiceInstance service) => new()
    {
        BaseAddress = service.GrpcAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
