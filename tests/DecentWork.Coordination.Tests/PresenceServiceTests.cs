using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Coordination.Tests;

/// <summary>SetCountryPresence and GetCountryPresence over real gRPC; each test has its own country.</summary>
public class PresenceServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private Task<CountryPresence> SetAsync(string country, AgencyPresence presence, string office = "", string coordinator = "", long expectedVersion = 0) =>
        _client.SetCountryPresenceAsync(new SetCountryPresenceRequest
        {
            CountryCode = country, Presence = presence, CoveringOffice = office, ResidentCoordinator = coordinator, ExpectedVersion = expectedVersion,
        }).ResponseAsync;

    [Fact]
    public async Task SetCountryPresence_WhenFirstThenReplaced_CreatesThenUpdatesOneRecord()
    {
        var created = await SetAsync("lso", AgencyPresence.NonResident, "DWT/CO-Pretoria", "Jane Doe");
        Assert.Equal(("LSO", AgencyPresence.NonResident, "DWT/CO-Pretoria", "Jane Doe", 1L),
            (created.CountryCode, created.Presence, created.CoveringOffice, created.ResidentCoordinator, created.Version));

        var replaced = await SetAsync("LSO", AgencyPresence.Resident, expectedVersion: created.Version);

        Assert.Equal((AgencyPresence.Resident, "", "", 2L), (replaced.Presence, replaced.CoveringOffice, replaced.ResidentCoordinator, replaced.Version));
        Assert.Equal(replaced, await _client.GetCountryPresenceAsync(new GetCountryPresenceRequest { CountryCode = "LSO" }));
    }

    [Fact]
    public async Task SetCountryPresence_WhenTheVersionIsStaleOrTheRecordIsNew_IsAborted()
    {
        await RpcAssert.FailsWith(StatusCode.Aborted, () => SetAsync("BWA", AgencyPresence.Resident, expectedVersion: 3));
        var created = await SetAsync("BWA", AgencyPresence.Resident);
        await SetAsync("BWA", AgencyPresence.NonResident, "DWT/CO-Pretoria");

        await RpcAssert.FailsWith(StatusCode.Aborted, () => SetAsync("BWA", AgencyPresence.Resident, expectedVersion: created.Version));
        Assert.Equal(AgencyPresence.NonResident, (await _client.GetCountryPresenceAsync(new GetCountryPresenceRequest { CountryCode = "BWA" })).Presence);
    }

    [Fact]
    public async Task SetCountryPresence_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => SetAsync("XXX", AgencyPresence.Unspecified, coordinator: new string('x', 201), expectedVersion: -1),
            "country_code", "presence", "resident_coordinator", "expected_version");

    [Theory]
    [InlineData(AgencyPresence.NonResident, "")]
    [InlineData(AgencyPresence.Resident, "DWT/CO-Pretoria")]
    public async Task SetCountryPresence_WhenTheOfficeDoesNotFitThePresence_IsInvalid(AgencyPresence presence, string office) =>
        await RpcAssert.InvalidFields(() => SetAsync("SWZ", presence, office), "covering_office");

    [Fact]
    public async Task GetCountryPresence_WhenNotRecordedOrNotACountry_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetCountryPresenceAsync(new GetCountryPresenceRequest { CountryCode = "NAM" }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetCountryPresenceAsync(new GetCountryPresenceRequest { CountryCode = "XX" }).ResponseAsync, "country_code");
    }

    [Fact]
    public async Task SetCountryPresence_WhenTheFirstCallsForACountryRace_AllSucceedOnOneRecord()
    {
        // Six first calls at once: they race to create the country's record (its unique country code),
        // and then on its version; every loser sets the presence again on the winner's record.
        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => SetAsync("ZMB", AgencyPresence.NonResident, $"Office {i}")));

        var held = await _client.GetCountryPresenceAsync(new GetCountryPresenceRequest { CountryCode = "ZMB" });
        Assert.Equal(6L, held.Version);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), answers.Select(a => a.Version).Order());
        Assert.Equal(answers.MaxBy(a => a.Version), held);
    }
}
