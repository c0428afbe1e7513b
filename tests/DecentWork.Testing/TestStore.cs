namespace DecentWork.Testing;

/// <summary>
/// Which store the service and end-to-end fixtures give the services: DECENTWORK_TEST_STORE=mongo
/// runs them on <see cref="MongoServer"/> (each service instance in a database of its own, dropped
/// afterwards), anything else on the embedded store, even when MONGODB_URI is set (that runs only
/// the storage contract's MongoDB leg). deploy/scripts/test.sh runs the suites once per store
/// when a MongoDB server is available.
/// </summary>
public static class TestStore
{
    public static bool UsesMongo => string.Equals(Environment.GetEnvironmentVariable("DECENTWORK_TEST_STORE"), "mongo", StringComparison.OrdinalIgnoreCase);

    /// <summary>The MONGODB_URI a service under test gets: the server's, or empty (embedded).</summary>
    public static async Task<string> MongoUriAsync()
    {
        if (!UsesMongo) return "";
        var server = await MongoServer.SharedAsync();
        // No skip here: asking for the MongoDB leg without a server is a mistake to report, not to hide.
        return server.ConnectionString
            ?? throw new InvalidOperationException($"DECENTWORK_TEST_STORE=mongo, but: {server.Unavailable}");
    }
}
