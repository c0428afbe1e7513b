using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Programming.Tests.LifecycleClient;
using Domain = DecentWork.Programming.Domain;
using ProgrammeRegistered = DecentWork.Contracts.Events.Programming.ProgrammeRegistered;

namespace DecentWork.Programming.Tests;

/// <summary>RegisterProgramme with request_id: a retry returns the first programme and publishes nothing again.</summary>
public class ProgrammeRequestIdServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);

    private static string NewRequestId() => $"portal:{Guid.NewGuid()}";

    private Task<ListProgrammesResponse> ListByRequestIdAsync(string requestId) =>
        _client.ListProgrammesAsync(new ListProgrammesRequest { RequestId = requestId }).ResponseAsync;

    [Fact]
    public async Task RegisterProgramme_WhenRepeatedWithTheSameRequestId_ReturnsTheFirstProgrammeAndPublishesOnce()
    {
        await using var published = await ProgrammeRegisteredCounter.ConnectAsync(fixture);
        var request = Registration("GHA", requestId: NewRequestId());

        var first = await _client.RegisterProgrammeAsync(request);
        var retry = await _client.RegisterProgrammeAsync(request);

        Assert.Equal(request.RequestId, first.RequestId);
        Assert.Equal((first.Id, first.Version, first.RegisteredAt), (retry.Id, retry.Version, retry.RegisteredAt));
        Assert.Equal(1L, first.Version);
        var stored = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "GHA" });
        Assert.Equal(first, Assert.Single(stored.Programmes));
        var history = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = first.Id });
        Assert.Equal("Registered", Assert.Single(history.Entries).Action);
        Assert.Equal(1, await published.SettledCountAsync(Guid.Parse(first.Id)));
    }

    [Fact]
    public async Task RegisterProgramme_WhenTheRequestIdIsReusedWithOtherContent_IsAlreadyExistsNamingTheProgramme()
    {
        var request = Registration("SEN", requestId: NewRequestId());
        var first = await _client.RegisterProgrammeAsync(request);
        var changed = request.Clone();
        changed.PeriodEnd = ProtoConvert.ToDate(new DateOnly(2012, 12, 31));

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.RegisterProgrammeAsync(changed).ResponseAsync);

        Assert.Contains(first.Id, error.Status.Detail);
        Assert.Contains(request.RequestId, error.Status.Detail);
        Assert.Equal(first, Assert.Single((await ListByRequestIdAsync(request.RequestId)).Programmes));
    }

    [Fact]
    public async Task RegisterProgramme_WhenRepeatedByAnotherUser_ReturnsTheFirstProgramme()
    {
        // Who sends it is not content: the portal may retry under another session's token.
        var request = Registration("MLI", requestId: NewRequestId());
        var first = await _client.RegisterProgrammeAsync(request);
        var countryOffice = new ProgrammingService.ProgrammingServiceClient(fixture.Service.ChannelFor(TestCaller.CountryOffice("MLI")));

        var answer = await countryOffice.RegisterProgrammeAsync(request);

        Assert.Equal((first.Id, first.Version), (answer.Id, answer.Version));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/no")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")] // 65 characters
    public async Task RegisterProgramme_WhenRequestIdIsMalformed_IsInvalidRequestIdAndStoresNothing(string requestId)
    {
        var before = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "NER" });

        await RpcAssert.InvalidFields(() => _client.RegisterProgrammeAsync(Registration("NER", requestId: requestId)).ResponseAsync, "request_id");

        var after = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "NER" });
        Assert.Equal(before.TotalSize, after.TotalSize);
    }

    [Fact]
    public async Task RegisterProgramme_WhenRepeatedWithoutRequestId_RegistersTwoDrafts()
    {
        var request = Registration("BFA");

        var first = await _client.RegisterProgrammeAsync(request);
        var second = await _client.RegisterProgrammeAsync(request);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("", first.RequestId);
        Assert.Equal(2, (await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "BFA" })).TotalSize);
    }

    [Fact]
    public async Task RegisterProgramme_WhenCallsWithOneRequestIdRace_AllReturnTheOneProgrammeStored()
    {
        await using var published = await ProgrammeRegisteredCounter.ConnectAsync(fixture);
        // Several rounds: a single burst does not always interleave a lookup with another call's save.
        var requests = Enumerable.Range(0, 8).Select(_ => Registration("TGO", requestId: NewRequestId())).ToList();

        foreach (var request in requests)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _client.RegisterProgrammeAsync(request).ResponseAsync));

            var stored = Assert.Single((await ListByRequestIdAsync(request.RequestId)).Programmes);
            Assert.All(answers, answer => Assert.Equal((stored.Id, 1L), (answer.Id, answer.Version)));
        }

        Assert.Equal(requests.Count, (await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "TGO" })).TotalSize);
        var last = Assert.Single((await ListByRequestIdAsync(requests[^1].RequestId)).Programmes);
        Assert.Equal(1, await published.SettledCountAsync(Guid.Parse(last.Id)));
    }

    [Fact]
    public async Task Store_WhenTwoProgrammesCarryOneRequestId_RefusesTheSecond()
    {
        // What the race above relies on, without its timing: two calls that both found nothing
        // build two programmes with one request key, and the store's unique index keeps the first.
        var store = fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.Programme>>();
        var requestId = NewRequestId();
        Domain.Programme Build() => Domain.Programme.Register(Countries.ByCode["GIN"], "DWCP Guinea", new(2008, 1, 1), new(2011, 12, 31),
            new Domain.Change("test", DateTimeOffset.UtcNow), requestId: requestId);
        var first = Build();
        await store.SaveAsync(first);

        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveAsync(Build()));

        Assert.Equal(first.Id.ToString(), Assert.Single((await ListByRequestIdAsync(requestId)).Programmes).Id);
    }

    [Fact]
    public async Task RegisterProgramme_WhenRepeatedAfterTheProgrammeWasApproved_ReturnsItInsteadOfCheckingOverlap()
    {
        var requestId = NewRequestId();
        var approved = await new LifecycleClient(fixture.Service).ApprovedAsync("NPL", requestId: requestId);

        var retry = await _client.RegisterProgrammeAsync(Registration("NPL", requestId: requestId));

        Assert.Equal((approved.Id, approved.Version, ProgrammeStatus.Approved), (retry.Id, retry.Version, retry.Status));
        // The same content under a new request id is a new registration, and the overlap rule refuses it.
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.RegisterProgrammeAsync(Registration("NPL", requestId: NewRequestId())).ResponseAsync);
    }

    [Fact]
    public async Task ListProgrammes_WhenFilteredByRequestId_ReturnsOnlyThatProgramme()
    {
        var request = Registration("BEN", requestId: NewRequestId());
        var registered = await _client.RegisterProgrammeAsync(request);
        var unrelated = request.Clone();
        unrelated.RequestId = NewRequestId();
        await _client.RegisterProgrammeAsync(unrelated);

        var found = await ListByRequestIdAsync(request.RequestId);
        var unknown = await ListByRequestIdAsync(NewRequestId());

        Assert.Equal((1, registered), (found.TotalSize, Assert.Single(found.Programmes)));
        Assert.Equal(0, unknown.TotalSize);
        // Combined with the other filters as AND.
        var otherCountry = await _client.ListProgrammesAsync(new ListProgrammesRequest { RequestId = request.RequestId, Country = "TZA" });
        Assert.Equal(0, otherCountry.TotalSize);
    }

    [Fact]
    public async Task ListProgrammes_WhenRequestIdIsMalformed_IsInvalidRequestId() =>
        await RpcAssert.InvalidFields(() => ListByRequestIdAsync("not valid!"), "request_id");

    [Fact]
    public async Task JsonRoutes_RepeatARegistrationWithItsRequestIdAndFindItByTheRequestId()
    {
        var http = fixture.Service.Http;
        var requestId = $"ilo-portal:{Guid.NewGuid()}";
        var body = new
        {
            requestId, countryCode = "CIV", title = "DWCP Côte d'Ivoire",
            periodStart = new { year = 2008, month = 1, day = 1 }, periodEnd = new { year = 2011, month = 12, day = 31 },
        };

        var first = await http.PostAsJsonAsync("/v1/programmes", body);
        var repeat = await http.PostAsJsonAsync("/v1/programmes", body);
        var conflicting = await http.PostAsJsonAsync("/v1/programmes", body with { title = "DWCP Côte d'Ivoire 2008-2011" });
        var malformed = await http.GetAsync("/v1/programmes?requestId=no%20spaces");

        Assert.True(HttpStatusCode.OK == first.StatusCode, await first.Content.ReadAsStringAsync());
        var programme = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(requestId, programme.GetProperty("requestId").GetString());
        Assert.Equal(programme.GetProperty("id").GetString(), (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var listed = await http.GetFromJsonAsync<JsonElement>($"/v1/programmes?requestId={Uri.EscapeDataString(requestId)}");
        Assert.Equal(programme.GetProperty("id").GetString(), Assert.Single(listed.GetProperty("programmes").EnumerateArray()).GetProperty("id").GetString());
    }

    /// <summary>Counts the ProgrammeRegistered messages the service publishes, on a test queue of the fixture's virtual host.</summary>
    private sealed class ProgrammeRegisteredCounter : IAsyncDisposable
    {
        private readonly List<ProgrammeRegistered> _received = [];
        private HostReceiveEndpointHandle _endpoint = null!;

        public static async Task<ProgrammeRegisteredCounter> ConnectAsync(ProgrammingFixture fixture)
        {
            var counter = new ProgrammeRegisteredCounter();
            var bus = fixture.Service.Services.GetRequiredService<IBus>();
            counter._endpoint = bus.ConnectReceiveEndpoint($"test-programme-registered-{Guid.NewGuid():N}", e => e.Handler<ProgrammeRegistered>(context =>
            {
                lock (counter._received) counter._received.Add(context.Message);
                return Task.CompletedTask;
            }));
            await counter._endpoint.Ready;
            return counter;
        }

        /// <summary>Waits for the programme's event, then a little longer for a second copy that should never come.</summary>
        public async Task<int> SettledCountAsync(Guid programmeId)
        {
            await Eventually.Until(() => Task.FromResult(Count(programmeId)), n => n > 0, what: "ProgrammeRegistered");
            await Task.Delay(500);
            return Count(programmeId);
        }

        private int Count(Guid programmeId)
        {
            lock (_received) return _received.Count(m => m.ProgrammeId == programmeId);
        }

        public async ValueTask DisposeAsync() => await _endpoint.StopAsync();
    }
}
