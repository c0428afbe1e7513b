using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using RabbitMQ.Client;
using OperationsV1 = DecentWork.Contracts.Operations.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// The reconciliation report over the real platform: each service's figures through the gateway's
/// JSON API as an operator, compared by the same script `ops.sh reconcile` runs.
/// </summary>
public class OperationsReconciliationTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string FundingQueue = "programming-funding-approved";
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task ReportReconciliationFigures_WhenAnApprovalIsParkedInProgrammingsErrorQueue_ReconcileListsTheDriftOfItsProgrammeOnly()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "SEN", 2_000_000m);
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = "Kingdom of the Netherlands", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "NLD",
        });
        await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(Approval(partner.Id, programme.Id, 1_250_000.50m)).ResponseAsync,
            what: "partnerships to learn of the programme");
        await Eventually.Until(() => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "programming to count the approval");

        var (cleanExit, cleanOutput) = await ReconcileAsync();
        Assert.Equal((0, "reconciled"), (cleanExit, cleanOutput.Trim()));

        // A programme partnerships heard of but programming never registered (as a misbehaving
        // publisher would announce it): partnerships records the approval, programming parks it.
        var unregistered = Guid.NewGuid();
        await PublishRegisteredAsync(unregistered);
        await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(Approval(partner.Id, unregistered.ToString(), 300m)).ResponseAsync,
            what: "partnerships to learn of the unregistered programme");
        var operations = new OperationsV1.OperationsService.OperationsServiceClient(Platform.GatewayGrpcFor(TestCaller.Operations));
        var headers = new Grpc.Core.Metadata { { "decentwork-service", "programming" } };
        await Eventually.Until(() => operations.ListErrorMessagesAsync(new OperationsV1.ListErrorMessagesRequest { Queue = FundingQueue }, headers).ResponseAsync,
            parked => parked.TotalSize == 1, TimeSpan.FromSeconds(90), $"the approval to be parked in {FundingQueue}_error");

        var (driftExit, driftOutput) = await ReconcileAsync();
        Assert.Equal(1, driftExit);
        var drifts = driftOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split('\t'))
            .Select(f => (Figure: f[0], Programme: f[1], Source: f[2], SourceValue: Number(f[3]), Copy: f[4], CopyValue: Number(f[5]), Difference: Number(f[6])))
            .OrderBy(d => d.Figure, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("funding_approvals", $"{unregistered}", "partnerships", 1m, "programming", 0m, -1m),
             ("funding_approved_usd", $"{unregistered}", "partnerships", 300m, "programming", 0m, -300m)],
            drifts);
    }

    private static decimal Number(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static PartnershipsV1.RecordFundingApprovalRequest Approval(string partnerId, string programmeId, decimal amount) => new()
    {
        PartnerId = partnerId,
        ProgrammeId = programmeId,
        Amount = ProtoConvert.ToMoney(amount),
        Year = 2008,
        ApprovalDate = ProtoConvert.ToDate(new DateOnly(2008, 3, 3)),
        Source = PartnershipsV1.FundingSource.ExtraBudgetary,
        Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked,
        MobilisedBy = PartnershipsV1.MobilisedBy.FieldOffice,
    };

    /// <summary>Each service's figures as the operator's command reads them, then the comparison it runs: its exit code and output.</summary>
    private async Task<(int ExitCode, string Output)> ReconcileAsync()
    {
        var folder = Directory.CreateTempSubdirectory("decentwork-reconcile-");
        try
        {
            var http = Platform.GatewayJsonFor(TestCaller.Operations);
            foreach (var service in new[] { "partnerships", "training", "programming" })
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{service}.json"),
                    await http.GetStringAsync($"/v1/operations/{service}/reconciliation-figures"));
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "deploy", "scripts", "reconcile.py"));
            foreach (var file in folder.GetFiles("*.json")) start.ArgumentList.Add(file.FullName);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(errors.Length == 0, errors);
            return (process.ExitCode, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task PublishRegisteredAsync(Guid programmeId)
    {
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:DecentWork.Contracts.Events.Programming:ProgrammeRegistered" },
            message = new
            {
                programmeId, countryCode = "SEN", region = "Africa", title = "Never registered in programming",
                periodStart = "2008-01-01", periodEnd = "2009-12-31", registeredAt = DateTimeOffset.UtcNow,
            },
            sentTime = DateTimeOffset.UtcNow,
        };
        var factory = new ConnectionFactory { Uri = new Uri(Platform.RabbitUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { MessageId = $"{envelope.messageId}", ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("DecentWork.Contracts.Events.Programming:ProgrammeRegistered", "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "scripts", "reconcile.py"))) return dir.FullName;
        throw new InvalidOperationException("deploy/scripts/reconcile.py was not found above the test's folder.");
    }
}
