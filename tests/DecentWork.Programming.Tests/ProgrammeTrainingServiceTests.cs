using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Events.Training;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Programming.Tests;

/// <summary>Capacity built per programme: training's ProgrammeTrainingCounted over the real broker, and the report on it.</summary>
public class ProgrammeTrainingServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private static readonly DateTimeOffset CountedAt = new(2008, 6, 30, 17, 0, 0, TimeSpan.Zero);
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private Task<Programme> Get(string id) => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = id }).ResponseAsync;

    [Fact]
    public async Task ProgrammeTrainingCounted_WhenRevisionsArriveLateOrTwice_KeepsTheLatestOnce()
    {
        var programme = await Lifecycle.ApprovedAsync("GHA");
        var id = Guid.Parse(programme.Id);
        await Bus.Publish(new ProgrammeTrainingCounted(id, "GHA", 12, 60, 1, CountedAt));
        await Eventually.Until(() => Get(programme.Id), p => p.Training?.Revision == 1, what: "revision 1");

        var third = new ProgrammeTrainingCounted(id, "GHA", 30, 140, 3, CountedAt.AddDays(2));
        var messageId = Guid.NewGuid();
        await Bus.Publish(third, ctx => ctx.MessageId = messageId);
        await Eventually.Until(() => Get(programme.Id), p => p.Training?.Revision == 3, what: "revision 3");
        // A late older count, the same message redelivered, and the same count republished under a new id.
        await Bus.Publish(new ProgrammeTrainingCounted(id, "GHA", 20, 100, 2, CountedAt.AddDays(1)));
        await Bus.Publish(third, ctx => ctx.MessageId = messageId);
        await Bus.Publish(third);
        await Task.Delay(700); // a wrongly applied message would have landed by now

        var settled = await Get(programme.Id);
        Assert.Equal(new TrainingTotals { ParticipantsTrained = 30, ParticipantDays = 140, Revision = 3, CountedAt = ProtoConvert.ToTimestamp(CountedAt.AddDays(2)) },
            settled.Training);
        var history = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id });
        var counted = history.Entries.Where(e => e.Action == "TrainingCounted").ToList();
        Assert.Equal(2, counted.Count);
        Assert.All(counted, e => Assert.Equal("system:training", e.ChangedBy));
        Assert.Equal(programme.Version + 2, settled.Version);
    }

    [Fact]
    public async Task ReportTrainingByProgramme_ShowsCountedAndUncountedProgrammesWithTotalsAndPages()
    {
        var counted = await Lifecycle.ApprovedAsync("SEN");
        var uncounted = await Lifecycle.RegisterAsync("SEN", 2012, 2015);
        await Bus.Publish(new ProgrammeTrainingCounted(Guid.Parse(counted.Id), "SEN", 175, 875, 4, CountedAt));
        await Eventually.Until(() => Get(counted.Id), p => p.Training is not null, what: "the count");

        var first = await _client.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest { Country = "SEN", PageSize = 1 });
        var second = await _client.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest { Country = "SEN", PageSize = 1, PageToken = first.NextPageToken });

        Assert.Equal((2, 1, 175, 875), (first.TotalSize, first.ProgrammesCounted, first.TotalParticipantsTrained, first.TotalParticipantDays));
        var row = Assert.Single(first.Programmes);
        Assert.Equal((counted.Id, "SEN", ProgrammeStatus.Approved), (row.ProgrammeId, row.CountryCode, row.Status));
        Assert.Equal(175, row.Training.ParticipantsTrained);
        var other = Assert.Single(second.Programmes);
        Assert.Equal(uncounted.Id, other.ProgrammeId);
        Assert.Null(other.Training);
        Assert.Equal("", second.NextPageToken);

        var drafts = await _client.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest { Country = "SEN", Status = ProgrammeStatus.Draft });
        Assert.Equal((1, 0, 0), (drafts.TotalSize, drafts.ProgrammesCounted, drafts.TotalParticipantsTrained));
    }

    [Fact]
    public async Task ReportTrainingByProgramme_WhenFiltersAreBad_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest
        {
            Country = "ABC", Region = (IloRegion)17, Status = (ProgrammeStatus)42, PageSize = -1, PageToken = "not-a-token",
        }).ResponseAsync, "country", "region", "status", "page_size", "page_token");

    [Fact]
    public async Task JsonRoutes_ProgrammeShowsTrainingAndReportTraining()
    {
        var programme = await Lifecycle.RegisterAsync("CMR");
        await Bus.Publish(new ProgrammeTrainingCounted(Guid.Parse(programme.Id), "CMR", 8, 40, 1, CountedAt));
        await Eventually.Until(() => Get(programme.Id), p => p.Training is not null, what: "the count");
        var http = fixture.Service.Http;

        var fetched = await http.GetFromJsonAsync<JsonElement>($"/v1/programmes/{programme.Id}");
        Assert.Equal(8, fetched.GetProperty("training").GetProperty("participantsTrained").GetInt32());
        Assert.Equal(40, fetched.GetProperty("training").GetProperty("participantDays").GetInt32());
        var report = await http.GetFromJsonAsync<JsonElement>("/v1/programmes:reportTraining?country=CMR&region=ILO_REGION_AFRICA");
        Assert.Equal(8, report.GetProperty("totalParticipantsTrained").GetInt32());
        Assert.Equal(programme.Id, report.GetProperty("programmes")[0].GetProperty("programmeId").GetString());
        var bad = await http.GetAsync("/v1/programmes:reportTraining?country=QQQ");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
