using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// Programming's funding consumer catching up: batches of FundingApproved events for a few
/// programmes (so many updates of one programme race), published at once on the service's own
/// bus, each timed until every approval is counted (GetProgramme's funding_approval_count). The
/// service runs in this process, on its own RabbitMQ virtual host, so the consumer's retry and
/// conflict counters (MassTransit's and programming's meters) can be read here; the _error queue
/// depth is read from the broker at the end.
/// </summary>
internal sealed class CatchUpBenchmark(int programmes, int batches, int batchSize, TextWriter output)
{
    public async Task RunAsync()
    {
        var broker = await RabbitMqBroker.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("bench-catch-up");
        var counters = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        // Every counter of the bus and of programming: which retry and conflict counters exist differs before and after the change.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name is "MassTransit" or "DecentWork.Programming" or DecentWork.ServiceDefaults.Storage.ConflictRetry.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counters.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => counters.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
        try
        {
            await using var service = await ServiceInstance.StartAsync("programming", DecentWork.Programming.ProgrammingApp.Build,
                new Dictionary<string, string> { ["RABBITMQ_URI"] = vhost, ["Logging:LogLevel:DecentWork"] = "Warning",
                    // Each retry would log a stack trace; the counters below say how many there were.
                    ["Logging:LogLevel:MassTransit"] = "Error" });
            var client = new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(service.Channel);
            var ids = new List<Guid>();
            for (var i = 0; i < programmes; i++)
            {
                var programme = await client.RegisterProgrammeAsync(new ProgrammingApi.RegisterProgrammeRequest
                {
                    CountryCode = "TZA", Title = $"Catch-up benchmark {i}",
                    PeriodStart = new Google.Type.Date { Year = 2001 + i, Month = 1, Day = 1 }, PeriodEnd = new Google.Type.Date { Year = 2001 + i, Month = 12, Day = 31 },
                });
                ids.Add(Guid.Parse(programme.Id));
            }
            var bus = service.Services.GetRequiredService<IBus>();
            output.WriteLine($"Catch-up: {batches} batches of {batchSize:N0} FundingApproved over {programmes} programmes, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            output.WriteLine("| batch | approvals counted before it | messages/s | counters (cumulative) |");
            output.WriteLine("|---|---|---|---|");
            var sent = 0;
            for (var batch = 1; batch <= batches; batch++)
            {
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, batchSize).Select(i => bus.Publish(new FundingApproved(
                    Guid.NewGuid(), Guid.NewGuid(), "Benchmark partner", ids[(sent + i) % ids.Count], 1_000m + i, 2008, DateTimeOffset.UtcNow))));
                var before = sent;
                sent += batchSize;
                await Eventually.Until(async () =>
                {
                    var counted = 0;
                    foreach (var id in ids) counted += (await client.GetProgrammeAsync(new ProgrammingApi.GetProgrammeRequest { Id = id.ToString() })).FundingApprovalCount;
                    return counted;
                }, counted => counted >= sent, TimeSpan.FromMinutes(30), "every approval to be counted");
                output.WriteLine($"| {batch} | {before:N0} | {batchSize / clock.Elapsed.TotalSeconds:F0} | {string.Join(", ", counters.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))} |");
            }
            output.WriteLine($"_error queue: {await broker.QueueDepthAsync(vhost, "programming-funding-approved_error")} messages");
        }
        finally
        {
            await broker.DeleteVirtualHostAsync(vhost);
        }
    }
}
