using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Coordination.Tests;

/// <summary>RegisterUndaf's new optional fields and ChangeUndafStatus over real gRPC.</summary>
public class UndafStatusServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private Task<Undaf> RegisterAsync(string country, int start = 2007, UndafStatus status = UndafStatus.Unspecified) =>
        _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = country, CycleStartYear = start, CycleEndYear = start + 4, Status = status }).ResponseAsync;

    private Task<Undaf> ChangeAsync(string id, UndafStatus status, long expectedVersion = 0) =>
        _client.ChangeUndafStatusAsync(new ChangeUndafStatusRequest { Id = id, Status = status, ExpectedVersion = expectedVersion }).ResponseAsync;

    [Fact]
    public async Task RegisterUndaf_WhenOutcomesStatusAndFlagAreGiven_ReturnsAndStoresThem()
    {
        var undaf = await _client.RegisterUndafAsync(new RegisterUndafRequest
        {
            CountryCode = "BRA", CycleStartYear = 2007, CycleEndYear = 2011, Status = UndafStatus.Active, DecentWorkSpecificObjective = true,
            Outcomes = { new UndafOutcome { Code = "1", Statement = "Decent work for all" }, new UndafOutcome { Code = "2.1", Statement = "Social protection" } },
        });

        Assert.Equal(UndafStatus.Active, undaf.Status);
        Assert.True(undaf.DecentWorkSpecificObjective);
        Assert.Equal(["1", "2.1"], undaf.Outcomes.Select(o => o.Code));
        Assert.Equal(undaf, await _client.GetUndafAsync(new GetUndafRequest { Id = undaf.Id }));
    }

    [Fact]
    public async Task RegisterUndaf_WhenTheNewFieldsAreLeftOut_IsInPreparation()
    {
        var undaf = await RegisterAsync("MEX");
        Assert.Equal((UndafStatus.InPreparation, false, 0), (undaf.Status, undaf.DecentWorkSpecificObjective, undaf.Outcomes.Count));
    }

    [Fact]
    public async Task RegisterUndaf_WhenOutcomesOrStatusAreBad_ListsEachField() =>
        await RpcAssert.InvalidFields(() => _client.RegisterUndafAsync(new RegisterUndafRequest
        {
            CountryCode = "MEX", CycleStartYear = 2012, CycleEndYear = 2015, Status = (UndafStatus)42,
            Outcomes =
            {
                new UndafOutcome { Code = "1", Statement = "Fine" },
                new UndafOutcome { Code = "1", Statement = "Twice" },
                new UndafOutcome { Code = "no spaces", Statement = "" },
            },
        }).ResponseAsync, "status", "outcomes[1].code", "outcomes[2].code", "outcomes[2].statement");

    [Fact]
    public async Task ChangeUndafStatus_WhenForwardThenTheSameAgain_MovesOnceAndKeepsTheVersion()
    {
        var undaf = await RegisterAsync("ARG");

        var active = await ChangeAsync(undaf.Id, UndafStatus.Active, expectedVersion: undaf.Version);
        var again = await ChangeAsync(undaf.Id, UndafStatus.Active);

        Assert.Equal((UndafStatus.Active, 2L), (active.Status, active.Version));
        Assert.Equal(active, again);
        Assert.Equal(active, await _client.GetUndafAsync(new GetUndafRequest { Id = undaf.Id }));
    }

    [Fact]
    public async Task ChangeUndafStatus_WhenBackwards_IsFailedPrecondition()
    {
        var undaf = await RegisterAsync("CHL", status: UndafStatus.Closed);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ChangeAsync(undaf.Id, UndafStatus.Active));
        Assert.Contains("cannot go back", error.Status.Detail);
    }

    [Fact]
    public async Task ChangeUndafStatus_WhenTheVersionIsStale_IsAbortedAndChangesNothing()
    {
        var undaf = await RegisterAsync("PER");
        await ChangeAsync(undaf.Id, UndafStatus.RollOut);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => ChangeAsync(undaf.Id, UndafStatus.Active, expectedVersion: undaf.Version));
        Assert.Equal(UndafStatus.RollOut, (await _client.GetUndafAsync(new GetUndafRequest { Id = undaf.Id })).Status);
    }

    [Fact]
    public async Task ChangeUndafStatus_WhenUnknown_IsNotFound() =>
        await RpcAssert.FailsWith(StatusCode.NotFound, () => ChangeAsync(Guid.NewGuid().ToString(), UndafStatus.Active));

    [Fact]
    public async Task ChangeUndafStatus_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => ChangeAsync("nope", UndafStatus.Unspecified, expectedVersion: -1), "id", "status", "expected_version");

    private Task<Undaf> AddOutcomeAsync(string id, string code, string statement, long expectedVersion = 0) =>
        _client.AddUndafOutcomeAsync(new AddUndafOutcomeRequest { UndafId = id, Outcome = new UndafOutcome { Code = code, Statement = statement }, ExpectedVersion = expectedVersion }).ResponseAsync;

    [Fact]
    public async Task AddUndafOutcome_WhenNew_AddsItAndRefusesClashesStaleVersionsAndClosedUndafs()
    {
        var undaf = await RegisterAsync("COL");
        var added = await AddOutcomeAsync(undaf.Id, "1", "Decent work", expectedVersion: undaf.Version);
        Assert.Equal(["1"], added.Outcomes.Select(o => o.Code));
        Assert.Equal(2L, added.Version);

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => AddOutcomeAsync(undaf.Id, "1", "Again"));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => AddOutcomeAsync(undaf.Id, "2", "Stale", expectedVersion: undaf.Version));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => AddOutcomeAsync(Guid.NewGuid().ToString(), "2", "Nowhere"));
        await ChangeAsync(undaf.Id, UndafStatus.Closed);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => AddOutcomeAsync(undaf.Id, "2", "Too late"));
        await RpcAssert.InvalidFields(() => AddOutcomeAsync("x", "a b", "", -1), "undaf_id", "outcome.code", "outcome.statement", "expected_version");
    }

    [Fact]
    public async Task AddUndafOutcome_WhenManyAreAddedToOneUndafAtOnce_KeepsEveryOne()
    {
        var undaf = await RegisterAsync("ECU");

        // Eight changes of one UNDAF at once, none naming a version: each loser of the race on the
        // UNDAF adds its outcome again to the winner's state, so none is answered ABORTED or lost.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => AddOutcomeAsync(undaf.Id, $"{i}", $"Outcome {i}")));

        var read = await _client.GetUndafAsync(new GetUndafRequest { Id = undaf.Id });
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"{i}"), read.Outcomes.Select(o => o.Code).Order());
        Assert.Equal(undaf.Version + 8, read.Version);
    }
}
