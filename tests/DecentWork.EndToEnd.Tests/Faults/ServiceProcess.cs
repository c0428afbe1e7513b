using System.Diagnostics;
using System.Text.Json;
using DecentWork.Testing;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// One service (or the gateway) as an operating-system process of its own, run from its build
/// output as the run command runs it (<c>dotnet &lt;dll&gt;</c>, configuration in the environment),
/// on loopback ports and a data folder that survive a kill, so it can be killed with SIGKILL and
/// started again on the same store.
/// </summary>
public sealed class ServiceProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFile)
{
    private Process? _process;

    public string Name { get; } = name;
    public int Starts { get; private set; }
    public bool Running => _process is { HasExited: false };

    public static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    public void Start()
    {
        if (Running) throw new InvalidOperationException($"{Name} is already running.");
        // exec: the pid we hold is dotnet's own, so Kill() is a SIGKILL to the service itself.
        var start = new ProcessStartInfo("/bin/bash", ["-c", "exec dotnet \"$0\" >>\"$1\" 2>&1", dll, logFile])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
        };
        foreach (var variable in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "RABBITMQ_URI", "MONGODB_URI" })
            start.Environment.Remove(variable);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        File.AppendAllText(logFile, $"===== {DateTimeOffset.UtcNow:O} start {Starts + 1} =====\n");
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        Starts++;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM, then waits for the host's graceful shutdown (SIGKILL after 30 s).</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(); }
        }
        Kill();
    }

    /// <summary>Waits until every health check but the operator's "messaging" one is Healthy.</summary>
    public async Task WaitReadyAsync(Uri httpAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(async () =>
        {
            if (!Running) throw new InvalidOperationException($"{Name} exited during start-up; see {logFile}");
            try
            {
                using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
                return health.RootElement.GetProperty("checks").EnumerateObject()
                    .All(c => c.Name == "messaging" || c.Value.GetProperty("status").GetString() == "Healthy");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                return false;
            }
        }, ready => ready, timeout, $"{Name} to be ready");
    }

    /// <summary>The build output of a project under the repository root, in the configuration these tests were built in.</summary>
    public static string DllOf(string projectDirectory)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var name = Path.GetFileName(projectDirectory);
        var dll = Path.Combine(RepositoryRoot(), projectDirectory, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {projectDirectory} first (no {dll}).");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DecentWork.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("DecentWork.slnx not found above the test output.");
    }
}
