using System.Diagnostics;
using DecentWork.ServiceDefaults.Grpc;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>A partner's call made inside a root activity of its own, so a test knows the trace it must find.</summary>
public static class TracedCalls
{
    private static readonly ActivitySource Caller = new("DecentWork.Tests.Caller");

    /// <summary>
    /// RegisterProgramme through the gateway over gRPC; the trace id of the call. The root is
    /// recorded only while something listens to every source (a <see cref="TraceCollector"/>).
    /// </summary>
    public static async Task<ActivityTraceId> RegisterProgrammeAsync(Platform platform, string country, string title)
    {
        var client = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(platform.GatewayGrpc);
        using var root = Caller.StartActivity("partner calls RegisterProgramme", ActivityKind.Client);
        Assert.NotNull(root);
        await client.RegisterProgrammeAsync(new ProgrammingV1.RegisterProgrammeRequest
        {
            CountryCode = country,
            Title = title,
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2006, 1, 1)),
            PeriodEnd = ProtoConvert.ToDate(new DateOnly(2009, 12, 31)),
        });
        return root.TraceId;
    }
}
