using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

public class ProgrammeIndicatorServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    private static AddIndicatorRequest Inspectors(Programme programme) => new()
    {
        ProgrammeId = programme.Id,
        OutcomeId = programme.Priorities[0].Outcomes[0].Id,
        Description = "Labour inspectors trained",
        Kind = IndicatorKind.Number,
        Unit = "inspectors",
        Baseline = "20",
        Target = "100",
        TargetDate = ProtoConvert.ToDate(new DateOnly(2010, 12, 31)),
    };

    [Fact]
    public async Task IndicatorProgress_IsReportedAgainstTheTarget()
    {
        var programme = await Lifecycle.WithOutcomeAsync("UZB");
        programme = await _client.AddIndicatorAsync(Inspectors(programme));
        var indicator = programme.Priorities[0].Outcomes[0].Indicators[0];
        await _client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = programme.Id });
        await _client.RecordConsultationAsync(Consultation(programme, ConstituentGroup.Government, ConstituentGroup.Employers, ConstituentGroup.Workers));
        await _client.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = programme.Id });
        await Lifecycle.SignedByAllAsync(await Lifecycle.ReviewAsync(programme.Id));
        await _client.ApproveProgrammeAsync(Approval(programme.Id));
        var progress = new RecordIndicatorProgressRequest
        {
            ProgrammeId = programme.Id, IndicatorId = indicator.Id, ReportedOn = ProtoConvert.ToDate(new DateOnly(2009, 12, 31)), Actual = "70",
        };
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordIndicatorProgressAsync(progress).ResponseAsync);
        await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = programme.Id });

        var reported = await _client.RecordIndicatorProgressAsync(progress);

        Assert.Equal("70", reported.Priorities[0].Outcomes[0].Indicators[0].Progress[0].Actual);
        var report = await _client.ReportIndicatorProgressAsync(new ReportIndicatorProgressRequest { ProgrammeId = programme.Id });
        var row = Assert.Single(report.Rows);
        Assert.Equal("UZB101", row.OutcomeCode);
        Assert.Equal("70", row.LatestActual);
        Assert.Equal("62.5", row.PercentOfTarget);

        var http = fixture.Service.Http;
        var json = await http.GetFromJsonAsync<JsonElement>($"/v1/programmes/{programme.Id}:reportIndicatorProgress");
        Assert.Equal("62.5", json.GetProperty("rows")[0].GetProperty("percentOfTarget").GetString());
        var posted = await http.PostAsJsonAsync($"/v1/programmes/{programme.Id}/indicators/{indicator.Id}/progress",
            new { reportedOn = new { year = 2010, month = 6, day = 30 }, actual = "90" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task AddIndicator_WhenEveryFieldIsWrong_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.AddIndicatorAsync(new AddIndicatorRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(), OutcomeId = "x", Kind = IndicatorKind.Percentage, Unit = "%", Baseline = "half", Target = "",
        }).ResponseAsync, "outcome_id", "description", "unit", "baseline", "target", "target_date");
        await RpcAssert.InvalidFields(() => _client.AddIndicatorAsync(new AddIndicatorRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(), OutcomeId = Guid.NewGuid().ToString(), Description = "d", Kind = IndicatorKind.Number,
            Baseline = "1", Target = "2", TargetDate = ProtoConvert.ToDate(new DateOnly(2010, 1, 1)),
        }).ResponseAsync, "unit");
    }

    [Fact]
    public async Task RecordIndicatorProgress_WhenInputIsWrongOrUnknown_FailsAccordingly()
    {
        await RpcAssert.InvalidFields(() => _client.RecordIndicatorProgressAsync(new RecordIndicatorProgressRequest { ProgrammeId = "p", IndicatorId = "i" }).ResponseAsync,
            "programme_id", "indicator_id", "reported_on", "actual");
        var programme = await Lifecycle.RegisterAsync("TJK");
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordIndicatorProgressAsync(new RecordIndicatorProgressRequest
        {
            ProgrammeId = programme.Id, IndicatorId = Guid.NewGuid().ToString(), ReportedOn = ProtoConvert.ToDate(new DateOnly(2009, 1, 1)), Actual = "1",
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ReportIndicatorProgressAsync(
            new ReportIndicatorProgressRequest { ProgrammeId = Guid.NewGuid().ToString() }).ResponseAsync);
    }
}
