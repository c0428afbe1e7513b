using System.Diagnostics;
using DecentWork.Testing;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// One service in a process of its own (this executable's "serve" mode, which runs the service's
/// composition root as its Program.cs does), so its memory is its own to measure. Real sockets,
/// the real identity service's tokens, its own RabbitMQ virtual host.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri grpc)
    {
        _process = process;
        GrpcAddress = grpc;
    }

    public Uri GrpcAddress { get; }

    public static async Task<ServiceProcess> StartAsync(string service, string dataFolder, Uri identity, string rabbitUri)
    {
        var grpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "serve", service, $"--Kestrel:Endpoints:Grpc:Url={grpc}", $"--Kestrel:Endpoints:Http:Url={http}",
                     $"--Storage:DataFolder={dataFolder}", $"--Identity:Authority={identity}", $"--RABBITMQ_URI={rabbitUri}",
                     "--Logging:LogLevel:Default=Warning",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        // Drain the output so a chatty service never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [{service}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = http };
        await Eventually.Until(async () =>
        {
            try { return (await client.GetStringAsync("/health")).Contains("\"Healthy\"", StringComparison.Ordinal); }
            catch (HttpRequestException) { return false; }
        }, healthy => healthy || process.HasExited, TimeSpan.FromMinutes(10), $"{service} to report healthy");
        if (process.HasExited) throw new InvalidOperationException($"{service} exited with code {process.ExitCode} during start-up.");
        return new ServiceProcess(process, grpc);
    }

    /// <summary>Resident set size from /proc, in MB.</summary>
    public double RssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // TERM, as the run command stops services; kill only if it does not stop in time.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(); }
        }
        _process.Dispose();
    }
}
