using System.Diagnostics;
using System.Text.Json;
using DecentWork.Testing;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// A partner agency on another stack: tests/partner-client-node (Node, @grpc/grpc-js with the
/// protos of contracts/) reads from every service through the gateway, writes, and decodes an
/// error's google.rpc.BadRequest. deploy/scripts/test.sh installs its packages (npm ci) first.
/// </summary>
public class PartnerClientNodeTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "contracts", "protos")) && Directory.Exists(Path.Combine(dir.FullName, "tests", "partner-client-node")))
                return dir.FullName;
        throw new InvalidOperationException("The repository (contracts/ and tests/partner-client-node/) was not found above the test's folder.");
    }

    [Fact]
    public async Task NodeClient_ThroughTheGatewayWithAToken_ReadsEveryServiceWritesAndDecodesTheErrorDetailsWithTheVendoredProtos()
    {
        var client = Path.Combine(RepositoryRoot(), "tests", "partner-client-node");
        Assert.True(Directory.Exists(Path.Combine(client, "node_modules", "@grpc", "grpc-js")),
            $"run `npm ci` in {client} first (deploy/scripts/test.sh does)");
        var token = await fixture.Platform.Gateway.Identity.TokenAsync(TestCaller.Loader);
        var start = new ProcessStartInfo("node", "client.mjs")
        {
            WorkingDirectory = client, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DECENTWORK_GATEWAY"] = $"{fixture.Platform.Gateway.GrpcAddress.Host}:{fixture.Platform.Gateway.GrpcAddress.Port}";
        start.Environment["DECENTWORK_TOKEN"] = token;

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"the Node client failed: {await stderr}");
        using var summary = JsonDocument.Parse((await stdout).Trim());
        var reads = summary.RootElement.GetProperty("reads");
        Assert.All(new[] { "programmes", "undafs", "partners", "courses" }, service => Assert.True(reads.TryGetProperty(service, out _), service));
        Assert.StartsWith("Partner agency from Node", summary.RootElement.GetProperty("wrote").GetProperty("partnerName").GetString());
        var fields = summary.RootElement.GetProperty("refusal").GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("country_code", fields);
        Assert.Contains("title", fields);
        var notFound = summary.RootElement.GetProperty("notFound");
        Assert.Equal("programming.decentwork.org", notFound.GetProperty("domain").GetString());
        Assert.Matches("^[A-Z][A-Z_]+$", notFound.GetProperty("reason").GetString());
    }
}
