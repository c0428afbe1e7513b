using DecentWork.Contracts.Programming.V1;
using Grpc.Core;

namespace DecentWork.Programming.Tests;

/// <summary>GetProgrammeHistory keeps its entries and now carries each change's fields old → new.</summary>
public class ProgrammeFieldHistoryServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    [Fact]
    public async Task GetProgrammeHistory_WhenAnOutcomeChanges_TheEntryNamesTheNestedFieldsOldToNew()
    {
        var programme = await Lifecycle.WithOutcomeAsync("GHA");
        var priority = programme.Priorities[0];
        var outcome = priority.Outcomes[0];
        var changed = await _client.ChangeOutcomeAsync(new ChangeOutcomeRequest
        {
            ProgrammeId = programme.Id, OutcomeId = outcome.Id, Code = "GHA102", Statement = outcome.Statement,
            StrategicObjective = outcome.StrategicObjective, ResourceNeed = outcome.ResourceNeed, ExpectedVersion = programme.Version,
        });

        var history = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id, PageSize = 200 });

        var entry = Assert.Single(history.Entries, e => e.Version == changed.Version);
        var code = Assert.Single(entry.Changes, c => c.Path.EndsWith($"outcomes[id={outcome.Id}].code", StringComparison.Ordinal));
        Assert.Equal((outcome.Code, "GHA102"), (code.OldValue, code.NewValue));
        Assert.DoesNotContain(history.Entries.SelectMany(e => e.Changes), c => c.Path.StartsWith("history", StringComparison.Ordinal));
        Assert.Contains(history.Entries.Single(e => e.Version == 1).Changes, c => c.Path == "title" && !c.HasOldValue);
    }

    [Fact]
    public async Task GetProgrammeHistory_WhenTheProgrammeIsAnotherCountrys_IsNotFoundForACountryOffice()
    {
        var programme = await Lifecycle.RegisterAsync("SEN");
        var office = new ProgrammingService.ProgrammingServiceClient(fixture.Service.ChannelFor(DecentWork.Testing.TestCaller.CountryOffice("MLI")));

        await DecentWork.Testing.RpcAssert.FailsWith(StatusCode.NotFound,
            () => office.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id }).ResponseAsync);
    }
}
