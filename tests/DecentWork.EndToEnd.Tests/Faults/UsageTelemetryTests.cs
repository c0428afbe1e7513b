using DecentWork.Coordination;
using DecentWork.Partnerships;
using DecentWork.Programming;
using DecentWork.Training;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>Nothing calls out: MassTransit's usage telemetry to its vendor is off in every service, as composed for production.</summary>
public class UsageTelemetryTests
{
    public static TheoryData<string> Services() => new(ProcessPlatform.ServiceNames);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Build_WhenComposedAsInProduction_TurnsMassTransitUsageTelemetryOff(string service)
    {
        Func<string[], WebApplication> build = service switch
        {
            "programming" => ProgrammingApp.Build,
            "coordination" => CoordinationApp.Build,
            "partnerships" => PartnershipsApp.Build,
            _ => TrainingApp.Build,
        };
        // Built, not started: the setting is read from the composed container, nothing connects.
        await using var app = build([
            "--RABBITMQ_URI=amqp://nobody:nothing@127.0.0.1:1/none",
            $"--Storage:DataFolder={Path.Combine(Path.GetTempPath(), "decentwork-tests", Guid.NewGuid().ToString("N"))}",
            "--environment=Production",
        ]);
        Assert.False(app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
