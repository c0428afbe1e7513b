using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using LiteDB;
using OperationsV1 = DecentWork.Contracts.Operations.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// After the stream: every acknowledged write is stored once, every view fed by its events counts
/// it exactly once, the cross-service totals reconcile, and the only parked message is the poison.
/// </summary>
public sealed class FaultChecks(ProcessPlatform platform, FaultWorkload workload, FaultLedger ledger)
{
    private ProgrammingV1.ProgrammingService.ProgrammingServiceClient Programming => new(platform.GatewayFor(TestCaller.Loader));
    private PartnershipsV1.PartnershipsService.PartnershipsServiceClient Partnerships => new(platform.GatewayFor(TestCaller.Loader));

    /// <summary>Partnerships' approvals per programme against programming's money mobilised (the reconciliation of that view).</summary>
    public async Task ApprovalsReconcileAsync()
    {
        foreach (var id in workload.ApprovalTargets)
        {
            var (count, sum) = ledger.ApprovalsByProgramme.GetValueOrDefault(id);
            var programme = await Programming.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = id });
            var (storedCount, storedSum) = await PartnershipsApprovalsAsync(id);
            Assert.Equal(count, storedCount);                                       // every acknowledged write stored, once
            Assert.Equal(sum, storedSum);
            Assert.Equal(count, programme.FundingApprovalCount);                   // counted exactly once by programming
            Assert.Equal(storedSum, ProtoConvert.ToDecimal(programme.FundingMobilised)); // the two services agree
        }
        foreach (var joint in ledger.ApprovedJointProgrammes)
        {
            var recorded = await Eventually.WhenKnown(() => Partnerships.GetFundingApprovalAsync(new PartnershipsV1.GetFundingApprovalRequest { Id = joint }).ResponseAsync,
                "partnerships to record the joint programme's share");
            Assert.Equal(250_000m, ProtoConvert.ToDecimal(recorded.Amount));
        }
    }

    private async Task<(int Count, decimal Sum)> PartnershipsApprovalsAsync(string programmeId)
    {
        var (count, sum, token) = (0, 0m, "");
        do
        {
            var page = await Partnerships.ListFundingApprovalsAsync(new PartnershipsV1.ListFundingApprovalsRequest { ProgrammeId = programmeId, PageSize = 200, PageToken = token });
            count += page.FundingApprovals.Count;
            sum += page.FundingApprovals.Sum(a => ProtoConvert.ToDecimal(a.Amount));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return (count, sum);
    }

    /// <summary>Training's count per programme reached programming: the people trained agree.</summary>
    public async Task PeopleTrainedReconcileAsync()
    {
        foreach (var id in ledger.CourseLinkedProgrammes)
        {
            var programme = await Eventually.Until(() => Programming.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = id }).ResponseAsync,
                p => p.Training?.ParticipantsTrained == FaultWorkload.TrainedPerProgramme, TimeSpan.FromSeconds(60), $"programming to show {id}'s people trained");
            Assert.Equal(FaultWorkload.TrainedPerProgramme, programme.Training.ParticipantsTrained);
        }
    }

    /// <summary>
    /// Nothing waits anywhere; the only parked message is <paramref name="poisonId"/>, once in each
    /// consumer that needs the programme it names (programming's money mobilised, coordination's
    /// region comparison), and an operator can see and discard it.
    /// </summary>
    public async Task OnlyThePoisonIsParkedAsync(string poisonId)
    {
        var poisoned = new Dictionary<string, string>
        {
            ["programming"] = "programming-funding-approved", ["coordination"] = "coordination-funding-approved",
        };
        foreach (var service in ProcessPlatform.ServiceNames)
        {
            var status = await Eventually.Until(() => platform.Operations(service).GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest()).ResponseAsync,
                s => s.OutboxSize == 0 && s.Queues.All(q => q.Waiting == 0), TimeSpan.FromSeconds(60), $"{service}'s outbox and queues to drain");
            Assert.NotEmpty(status.Queues);
            Assert.All(status.Queues, q => Assert.Equal(poisoned.GetValueOrDefault(service) == q.Name ? 1 : 0, q.Parked));
        }
        // Parked means an operator must look, not that the service is down: Degraded, still 200.
        var health = await platform.MessagingHealthAsync("programming");
        Assert.Equal((System.Net.HttpStatusCode.OK, "Degraded"), (health.Code, health.Status));
        Assert.Contains(poisoned["programming"] + "_error", health.Description, StringComparison.Ordinal);
        foreach (var (service, queue) in poisoned)
        {
            var operations = platform.Operations(service);
            var parked = await operations.ListErrorMessagesAsync(new OperationsV1.ListErrorMessagesRequest { Queue = queue });
            Assert.Equal(poisonId, Assert.Single(parked.Messages).MessageId);
            var discarded = await operations.DiscardErrorMessageAsync(new OperationsV1.DiscardErrorMessageRequest
            {
                Queue = queue, MessageId = poisonId, Reason = "injected by the fault suite",
            });
            Assert.Equal(OperationsV1.OperatorActionKind.Discard, discarded.Kind);
            Assert.Contains("FundingApproved", discarded.MessageBody, StringComparison.Ordinal);
            var actions = await operations.ListOperatorActionsAsync(new OperationsV1.ListOperatorActionsRequest());
            Assert.Equal(discarded.Id, actions.Actions[0].Id);
            var after = await operations.GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest());
            Assert.All(after.Queues, q => Assert.Equal(0, q.Parked));
        }
        Assert.Equal("Healthy", (await platform.MessagingHealthAsync("programming")).Status);
    }

    /// <summary>
    /// The views the other services keep of programming's programmes and partnerships' partners,
    /// read from their stores once the processes have stopped: each source record exactly once.
    /// </summary>
    public async Task ViewsMatchTheirSourcesAsync()
    {
        var programmes = await Programming.ListProgrammesAsync(new ProgrammingV1.ListProgrammesRequest { PageSize = 1 });
        Assert.Equal(workload.ApprovalTargets.Count + ledger.DraftProgrammes.Count, programmes.TotalSize);
        var partners = await Partnerships.ListPartnersAsync(new PartnershipsV1.ListPartnersRequest { PageSize = 1 });
        await platform.StopAllAsync();
        Assert.Equal(programmes.TotalSize, Count("coordination", "known_programmes"));
        Assert.Equal(programmes.TotalSize, Count("training", DecentWork.Training.TrainingApp.KnownProgrammesCollection));
        Assert.Equal(programmes.TotalSize, Count("partnerships", "programme_needs"));
        Assert.Equal(partners.TotalSize, Count("training", DecentWork.Training.TrainingApp.KnownPartnersCollection));
        Assert.True(ledger.Partners.Count <= partners.TotalSize); // plus the funds partnerships registered from joint programmes
        using var training = Open("training");
        var counts = training.GetCollection(DecentWork.Training.TrainingApp.ProgrammeTrainingCollection).FindAll()
            .ToDictionary(d => d["_id"].AsGuid.ToString(), d => d["ParticipantsTrained"].AsInt32);
        Assert.All(ledger.CourseLinkedProgrammes, id => Assert.Equal(FaultWorkload.TrainedPerProgramme, counts[id]));
    }

    private long Count(string service, string collection)
    {
        using var database = Open(service);
        return database.GetCollection(collection).LongCount();
    }

    private LiteDatabase Open(string service) => new(new ConnectionString { Filename = Path.Combine(platform.DataFolder, $"{service}.db"), Connection = ConnectionType.Direct });
}
