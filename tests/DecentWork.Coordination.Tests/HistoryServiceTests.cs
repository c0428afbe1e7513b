using DecentWork.Contracts.Coordination.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Coordination.Tests;

/// <summary>Coordination's history routes over real gRPC: who, when, old → new, and the same refusals as each Get.</summary>
public class HistoryServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private static readonly TestCaller Coordinator = new("UN coordination officer Amina", [Roles.UnCoordination]);
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task GetUndafHistory_WhenAnotherUserChangesTheStatus_ShowsWhoAndOldToNew()
    {
        var undaf = await _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = "KEN", CycleStartYear = 2009, CycleEndYear = 2013 });
        await new CoordinationService.CoordinationServiceClient(fixture.Service.ChannelFor(Coordinator))
            .ChangeUndafStatusAsync(new ChangeUndafStatusRequest { Id = undaf.Id, Status = UndafStatus.Active, ExpectedVersion = undaf.Version });

        var history = await _client.GetUndafHistoryAsync(new GetUndafHistoryRequest { UndafId = undaf.Id });

        Assert.Equal([1L, 2L], history.Records.Select(r => r.Version));
        Assert.Equal("RegisterUndaf", history.Records[0].Action);
        Assert.Contains(history.Records[0].Changes, c => c.Path == "countryCode" && !c.HasOldValue && c.NewValue == "KEN");
        var changed = history.Records[1];
        Assert.Equal(("ChangeUndafStatus", "UN coordination officer Amina", "Undaf"), (changed.Action, changed.ActorName, changed.ResourceKind));
        var status = Assert.Single(changed.Changes, c => c.Path == "status");
        Assert.Equal("Active", status.NewValue);
        Assert.NotEqual(status.OldValue, status.NewValue);
    }

    [Fact]
    public async Task Histories_WhenTheResourceIsUnknown_AreNotFoundAndBadIdsAreInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetUndafHistoryAsync(new GetUndafHistoryRequest { UndafId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetCrisisResponseHistoryAsync(new GetCrisisResponseHistoryRequest { CrisisResponseId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetDeliveringAsOnePilotHistoryAsync(new GetDeliveringAsOnePilotHistoryRequest { CountryCode = "ISL" }).ResponseAsync);
        await RpcAssert.InvalidFields(
            () => _client.GetJointProgrammeHistoryAsync(new GetJointProgrammeHistoryRequest { JointProgrammeId = "x", PageToken = "forged" }).ResponseAsync,
            "joint_programme_id", "page_token");
        await RpcAssert.InvalidFields(
            () => _client.GetCountryPresenceHistoryAsync(new GetCountryPresenceHistoryRequest { CountryCode = "XXX" }).ResponseAsync, "country_code");
    }

    [Fact]
    public async Task GetUndafHistory_WhenTheCallerMayNotReadCoordination_IsPermissionDenied()
    {
        var undaf = await _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = "UGA", CycleStartYear = 2010, CycleEndYear = 2014 });
        var operations = new CoordinationService.CoordinationServiceClient(fixture.Service.ChannelFor(TestCaller.Operations));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => operations.GetUndafHistoryAsync(new GetUndafHistoryRequest { UndafId = undaf.Id }).ResponseAsync);
    }
}
