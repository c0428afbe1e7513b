using DecentWork.DemoData;
using DecentWork.ServiceDefaults.Grpc;
using Grpc.Net.Client;
using PartnershipsApi = DecentWork.Contracts.Partnerships.V1;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;
using TrainingApi = DecentWork.Contracts.Training.V1;

namespace DecentWork.Benchmarks.Writes;

/// <summary>
/// Write throughput through the gateway on the run command's platform: RecordFundingApproval and
/// ApplyForEdition at each concurrency, the two interleaved round by round so machine noise hits
/// both alike. Every call is a new fact (a new request id, a new applicant), as in real use. The
/// benchmark makes its own partner, course and editions, so it runs on any platform with the demo
/// data's programmes; applications are spread over many editions, because one edition holding
/// every applicant would measure one ever-growing document rather than the service.
/// </summary>
internal sealed class GatewayWritesBenchmark(DemoCallers callers, int rounds, TimeSpan roundDuration, int[] concurrency, TextWriter output)
{
    private const int Editions = 64;
    private long _calls;

    public async Task RunAsync()
    {
        var channel = callers.ChannelFor(DemoCallers.Loader);
        var approvals = await ApprovalWriterAsync(channel);
        var applications = await ApplicationWriterAsync(channel);
        output.WriteLine($"Writes through the gateway, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {rounds} rounds x {roundDuration.TotalSeconds} s per RPC, interleaved");
        output.WriteLine("| concurrency | RPC | requests/s | p50 ms | p99 ms |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var callers in concurrency)
        {
            var results = new Dictionary<string, List<UnaryBenchmark.Result>> { ["RecordFundingApproval"] = [], ["ApplyForEdition"] = [] };
            await UnaryBenchmark.MeasureAsync(approvals, callers, TimeSpan.FromSeconds(1)); // warm-up
            await UnaryBenchmark.MeasureAsync(applications, callers, TimeSpan.FromSeconds(1));
            for (var round = 0; round < rounds; round++)
            {
                results["RecordFundingApproval"].Add(await UnaryBenchmark.MeasureAsync(approvals, callers, roundDuration));
                results["ApplyForEdition"].Add(await UnaryBenchmark.MeasureAsync(applications, callers, roundDuration));
            }
            foreach (var (rpc, measured) in results)
            {
                var latencies = measured.SelectMany(r => r.LatenciesMs).Order().ToList();
                var rate = measured.Sum(r => r.Calls) / measured.Sum(r => r.Elapsed.TotalSeconds);
                output.WriteLine($"| {callers} | {rpc} | {rate:F0} | {UnaryBenchmark.Percentile(latencies, 0.50):F2} | {UnaryBenchmark.Percentile(latencies, 0.99):F2} |");
            }
        }
    }

    /// <summary>One new approval per call, by a partner of the benchmark's own, to an approved demo programme.</summary>
    private async Task<Func<Task>> ApprovalWriterAsync(GrpcChannel channel)
    {
        var partnerships = new PartnershipsApi.PartnershipsService.PartnershipsServiceClient(channel);
        var programmeId = await BenchmarkFixtures.FundableProgrammeAsync(new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(channel));
        var partner = await BenchmarkFixtures.NewPartnerAsync(partnerships);
        return async () => await partnerships.RecordFundingApprovalAsync(BenchmarkFixtures.Approval(partner.Id, programmeId, Interlocked.Increment(ref _calls)));
    }

    /// <summary>One new applicant per call, over <see cref="Editions"/> open editions of a course of the benchmark's own.</summary>
    private async Task<Func<Task>> ApplicationWriterAsync(GrpcChannel channel)
    {
        var training = new TrainingApi.TrainingService.TrainingServiceClient(channel);
        var run = Guid.NewGuid().ToString("N")[..8];
        var course = await training.PublishCourseAsync(new TrainingApi.PublishCourseRequest { Code = $"BENCH-{run}", Title = $"Benchmark course {run}" });
        var editions = new List<TrainingApi.Edition>();
        for (var i = 0; i < Editions; i++)
        {
            var edition = await training.ScheduleEditionAsync(new TrainingApi.ScheduleEditionRequest
            {
                CourseId = course.Id, Venue = "Turin", DeliveryMode = TrainingApi.DeliveryMode.TurinCampus, Capacity = 5_000,
                StartDate = ProtoConvert.ToDate(new DateOnly(2060, 6, 1)), EndDate = ProtoConvert.ToDate(new DateOnly(2060, 6, 5)),
                ApplicationDeadline = ProtoConvert.ToDate(new DateOnly(2060, 5, 1)),
                Fee = ProtoConvert.ToMoney(1_000m, "EUR"),
            });
            editions.Add(await training.SetEditionStatusAsync(new TrainingApi.SetEditionStatusRequest
            {
                CourseId = course.Id, EditionId = edition.Id, Status = TrainingApi.EditionStatus.Open,
            }));
        }
        long applicant = 0;
        return async () =>
        {
            var n = Interlocked.Increment(ref applicant);
            var edition = editions[(int)(n % editions.Count)];
            await training.ApplyForEditionAsync(new TrainingApi.ApplyForEditionRequest
            {
                CourseId = course.Id, EditionId = edition.Id, ParticipantName = $"Applicant {run} {n}", Sex = TrainingApi.Sex.Female,
                CountryCode = "ZMB", ConstituentGroup = TrainingApi.ConstituentGroup.Workers, Organisation = "ZCTU",
            });
        };
    }
}
