using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;
using MassTransit;

namespace DecentWork.Training.Tests;

/// <summary>Its own service instance; only this class awards fellowships in it, so the report is exact.</summary>
public class FellowshipRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private static Money Usd(long units, int nanos = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = nanos };

    private Task<Edition> AwardAsync(Edition edition, string enrolmentId, Guid partner, Money amount) =>
        _client.AwardFellowshipAsync(new AwardFellowshipRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, EnrolmentId = enrolmentId, PartnerId = partner.ToString(), Amount = amount,
        }).ResponseAsync;

    [Fact]
    public async Task PartnerRegistered_WhenDeliveredTwice_IsStoredOnce()
    {
        var registered = new PartnerRegistered(Guid.NewGuid(), "Gates Foundation", "Foundation", DateTimeOffset.UtcNow);
        var observer = new ConsumedMessages<PartnerRegistered>();
        using var _ = fixture.Bus.ConnectConsumeMessageObserver(observer);
        var messageId = Guid.NewGuid();
        await fixture.Bus.Publish<PartnerRegistered>(registered, ctx => { ctx.MessageId = messageId; });
        await fixture.Bus.Publish<PartnerRegistered>(registered, ctx => { ctx.MessageId = messageId; });

        await observer.HandledAsync(messageId, times: 2);
        Assert.Empty(observer.Faults(messageId));
        Assert.Equal(1, await fixture.KnownPartners.CountAsync(p => p.Id == registered.PartnerId));
        Assert.Equal("Gates Foundation", (await fixture.KnownPartners.FindAsync(registered.PartnerId))!.Name);
    }

    [Fact]
    public async Task AwardFellowship_ThenReport_CountsPerYearAndPartner()
    {
        var partner = await fixture.KnownPartnerAsync("Norway");
        var edition = await _client.OpenEditionAsync(await _client.PublishAsync(), year: 2045);
        edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, "Worker", ConstituentGroup.Workers));
        edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, "Official", ConstituentGroup.Government));

        var awarded = await AwardAsync(edition, edition.Enrolments[0].Id, partner, Usd(2500, 500_000_000));

        var fellowship = awarded.Enrolments[0].Fellowship;
        Assert.Equal((partner.ToString(), "Norway", 2500L, 500_000_000), (fellowship.PartnerId, fellowship.PartnerName, fellowship.Amount.Units, fellowship.Amount.Nanos));
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => AwardAsync(edition, edition.Enrolments[1].Id, partner, Usd(100)));
        Assert.Contains("employers' and workers'", refused.Status.Detail);

        var report = await _client.GetFellowshipReportAsync(new GetFellowshipReportRequest { FromYear = 2045, ToYear = 2046 });
        Assert.Equal([1, 0], report.Years.Select(y => y.Fellowships));
        var byPartner = Assert.Single(report.Years[0].ByPartner);
        Assert.Equal(("Norway", 1, 2500L), (byPartner.PartnerName, byPartner.Fellowships, byPartner.Amount.Units));
    }

    [Fact]
    public async Task AwardFellowship_WhenPartnerUnknownFieldsInvalidOrEnrolmentMissing_Fails()
    {
        var edition = await _client.OpenEditionAsync(await _client.PublishAsync());
        edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));
        var unknown = Guid.NewGuid();

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => AwardAsync(edition, edition.Enrolments[0].Id, unknown, Usd(100)));
        Assert.Contains("has not heard of partner", error.Status.Detail);
        var partner = await fixture.KnownPartnerAsync();
        await RpcAssert.FailsWith(StatusCode.NotFound, () => AwardAsync(edition, Guid.NewGuid().ToString(), partner, Usd(100)));
        await RpcAssert.InvalidFields(() => _client.AwardFellowshipAsync(new AwardFellowshipRequest
        {
            CourseId = "a", EditionId = "b", EnrolmentId = "c", PartnerId = "d", Amount = new Money { CurrencyCode = "EUR", Units = 10 }, ExpectedVersion = -1,
        }).ResponseAsync, "course_id", "edition_id", "enrolment_id", "partner_id", "amount", "expected_version");
        await RpcAssert.InvalidFields(() => _client.GetFellowshipReportAsync(new GetFellowshipReportRequest { FromYear = 2010, ToYear = 2000 }).ResponseAsync, "to_year");
    }

    [Fact]
    public async Task JsonRoutes_AwardFellowshipAndReport()
    {
        var http = fixture.Service.JsonClient();
        var partner = await fixture.KnownPartnerAsync("Italy");
        var edition = await _client.OpenEditionAsync(await _client.PublishAsync(), year: 2047);
        edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));

        var awarded = await http.PostAsJsonAsync($"/v1/courses/{edition.CourseId}/editions/{edition.Id}/enrolments/{edition.Enrolments[0].Id}:awardFellowship",
            new { partnerId = partner, amount = new { currencyCode = "USD", units = "1800" } });
        Assert.True(awarded.StatusCode == HttpStatusCode.OK, await awarded.Content.ReadAsStringAsync());
        var report = await http.GetFromJsonAsync<JsonElement>("/v1/courses/reports/fellowships?fromYear=2047&toYear=2047");
        Assert.Equal("1800", report.GetProperty("years")[0].GetProperty("amount").GetProperty("units").ToString());
    }
}
