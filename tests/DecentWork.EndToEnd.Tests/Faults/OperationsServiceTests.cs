using DecentWork.Programming;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using OperationsV1 = DecentWork.Contracts.Operations.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>The operator's commands on one service (programming) over real gRPC: backup and restore, policies.</summary>
public class OperationsServiceTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"operations-{Guid.NewGuid():N}");
    private RabbitMqBroker _broker = null!;
    private string _rabbitUri = "";
    private ServiceInstance _programming = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.SharedAsync();
        _rabbitUri = await _broker.CreateVirtualHostAsync("operations");
        _programming = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build,
            new Dictionary<string, string> { ["RABBITMQ_URI"] = _rabbitUri, ["Storage:DataFolder"] = _dataFolder });
    }

    public async Task DisposeAsync()
    {
        await _programming.DisposeAsync();
        await _broker.DeleteVirtualHostAsync(_rabbitUri);
    }

    private OperationsV1.OperationsService.OperationsServiceClient Operations(TestCaller caller) => new(_programming.ChannelFor(caller));

    [Fact]
    public async Task BackupStore_WhenRestoredIntoTheStoppedService_ReadsBackWhatWasStoredBeforeTheBackup()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(_programming.Channel);
        var kept = await programmes.RegisterProgrammeAsync(Draft("Backed up"));
        var backup = await Operations(TestCaller.Operations).BackupStoreAsync(new OperationsV1.BackupStoreRequest { Service = "programming" });
        var after = await programmes.RegisterProgrammeAsync(Draft("Written after the backup"));

        await _programming.StopAsync();
        File.Copy(Path.Combine(_dataFolder, "backups", backup.FileName), Path.Combine(_dataFolder, "programming.db"), overwrite: true);
        File.Delete(Path.Combine(_dataFolder, "programming-log.db"));
        await _programming.StartAsync();

        Assert.Equal(kept.Title, (await programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = kept.Id })).Title);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = after.Id }).ResponseAsync);
        var actions = await Operations(TestCaller.Operations).ListOperatorActionsAsync(new OperationsV1.ListOperatorActionsRequest());
        Assert.Empty(actions.Actions); // the backup's own record was written after the copy, so the restored store lacks it
    }

    [Fact]
    public async Task BackupStore_WhenCalledByAnotherRole_IsPermissionDenied()
    {
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Operations(TestCaller.Auditor).BackupStoreAsync(new OperationsV1.BackupStoreRequest()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Operations(TestCaller.ProgrammeStaff).GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest()).ResponseAsync);
    }

    [Fact]
    public async Task GetMessagingStatus_WhenAskedForAnotherService_IsInvalidArgument()
    {
        await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Operations(TestCaller.Operations).GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest { Service = "training" }).ResponseAsync);
        var status = await Operations(TestCaller.Operations).GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest());
        Assert.Contains(status.Queues, q => q.Name == "programming-funding-approved");
    }

    [Fact]
    public async Task ReplayErrorMessage_WhenTheCauseRemains_SendsItThroughTheConsumerAgainAndItIsParkedOnceMore()
    {
        const string queue = "programming-funding-approved";
        var operations = Operations(TestCaller.Operations);
        var poisonId = await PoisonMessage.PublishFundingApprovalForUnknownProgrammeAsync(_rabbitUri);
        var first = await ParkedAsync(operations, queue, poisonId, after: DateTimeOffset.MinValue);

        var replayed = await operations.ReplayErrorMessageAsync(new OperationsV1.ReplayErrorMessageRequest
        {
            Queue = queue, MessageId = poisonId, Reason = "programme registered since",
        });

        Assert.Equal(OperationsV1.OperatorActionKind.Replay, replayed.Kind);
        Assert.Equal("programme registered since", replayed.Detail);
        Assert.Equal(poisonId, replayed.MessageId);
        // The consumer tried it again (a later fault time), and it was parked once, not twice.
        var again = await ParkedAsync(operations, queue, poisonId, after: first.FaultedAt.ToDateTimeOffset());
        Assert.Contains("not registered", again.Fault, StringComparison.Ordinal);
        var actions = await operations.ListOperatorActionsAsync(new OperationsV1.ListOperatorActionsRequest());
        Assert.Equal(replayed.Id, Assert.Single(actions.Actions).Id);
    }

    [Fact]
    public async Task ReplayErrorMessage_WhenNoSuchMessageIsParked_IsNotFoundAndRecordsNothing()
    {
        var operations = Operations(TestCaller.Operations);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => operations.ReplayErrorMessageAsync(new OperationsV1.ReplayErrorMessageRequest
        {
            Queue = "programming-funding-approved", MessageId = Guid.NewGuid().ToString(),
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => operations.ReplayErrorMessageAsync(new OperationsV1.ReplayErrorMessageRequest
        {
            Queue = "no-such-queue", MessageId = Guid.NewGuid().ToString(),
        }).ResponseAsync);
        Assert.Empty((await operations.ListOperatorActionsAsync(new OperationsV1.ListOperatorActionsRequest())).Actions);
    }

    /// <summary>Waits until the message is the only one parked in the queue's _error, faulted after <paramref name="after"/>.</summary>
    private static async Task<OperationsV1.ErrorMessage> ParkedAsync(OperationsV1.OperationsService.OperationsServiceClient operations,
        string queue, string messageId, DateTimeOffset after)
    {
        var parked = await Eventually.Until(() => operations.ListErrorMessagesAsync(new OperationsV1.ListErrorMessagesRequest { Queue = queue }).ResponseAsync,
            p => p.Messages.Count == 1 && p.TotalSize == 1 && p.Messages[0].MessageId == messageId && p.Messages[0].FaultedAt.ToDateTimeOffset() > after,
            TimeSpan.FromSeconds(60), $"{messageId} to be parked in {queue}_error");
        return parked.Messages[0];
    }

    private static ProgrammingV1.RegisterProgrammeRequest Draft(string title) => new()
    {
        CountryCode = "BEN", Title = title,
        PeriodStart = ProtoConvert.ToDate(new DateOnly(2010, 1, 1)), PeriodEnd = ProtoConvert.ToDate(new DateOnly(2013, 12, 31)),
    };
}
