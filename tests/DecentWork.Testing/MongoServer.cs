using DotNet.Testcontainers.Configurations;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace DecentWork.Testing;

/// <summary>
/// The MongoDB the tests may run against: MONGODB_URI when set, otherwise a Testcontainers
/// single-node replica set when Docker is available, shared by the test process. Where neither
/// exists, <see cref="ConnectionString"/> is null and <see cref="Unavailable"/> says why; with
/// DECENTWORK_REQUIRE_MONGODB=1 that is a failure instead of a skip, for CI that has a server.
/// </summary>
public sealed class MongoServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MongoServer? _shared;
    private MongoDbContainer? _container;

    public string? ConnectionString { get; private set; }
    public string Unavailable { get; private set; } = "";

    public static bool Required => Environment.GetEnvironmentVariable("DECENTWORK_REQUIRE_MONGODB") == "1";

    public static async Task<MongoServer> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is not null) return _shared;
            var server = new MongoServer { ConnectionString = Environment.GetEnvironmentVariable("MONGODB_URI") };
            if (string.IsNullOrEmpty(server.ConnectionString))
            {
                server.ConnectionString = null;
                if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
                    server.Unavailable = "MongoDB leg did not run: MONGODB_URI is not set and no Docker engine is available for Testcontainers.";
                else
                {
                    server._container = new MongoDbBuilder("mongo:8.0").WithReplicaSet().Build();
                    await server._container.StartAsync();
                    server.ConnectionString = server._container.GetConnectionString();
                    // The container is removed when the test process ends (Testcontainers' resource reaper).
                }
            }
            return _shared = server;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Skips the calling test (SkippableFact) with the reason, or fails it when a server is required.</summary>
    public void SkipOrFailIfMissing()
    {
        if (ConnectionString is not null) return;
        if (Required) throw new InvalidOperationException($"DECENTWORK_REQUIRE_MONGODB=1, but: {Unavailable}");
        throw new Xunit.SkipException(Unavailable);
    }

    /// <summary>The server itself, for a test's own checks and to drop its database afterwards.</summary>
    public MongoClient Client() => new(ConnectionString ?? throw new InvalidOperationException(Unavailable));
}
