using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Programming.Tests;

public sealed class ProgrammingFixture() : ServiceFixture(ProgrammingApp.ServiceName, ProgrammingApp.Build);

public class ProgrammingServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);

    private static RegisterProgrammeRequest Valid(string country = "TZA", string title = "DWCP United Republic of Tanzania") => new()
    {
        CountryCode = country,
        Title = title,
        PeriodStart = ProtoConvert.ToDate(new DateOnly(2006, 1, 1)),
        PeriodEnd = ProtoConvert.ToDate(new DateOnly(2010, 12, 31)),
    };

    [Fact]
    public async Task RegisterProgramme_WhenValid_ReturnsDraftWithDerivedRegion()
    {
        var programme = await _client.RegisterProgrammeAsync(Valid(country: "jor", title: "DWCP Jordan"));

        Assert.Equal("JOR", programme.CountryCode);
        Assert.Equal(IloRegion.ArabStates, programme.Region);
        Assert.Equal(ProgrammeStatus.Draft, programme.Status);
        Assert.Equal(1, programme.Version);
        var fetched = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });
        Assert.Equal(programme, fetched);
    }

    [Fact]
    public async Task RegisterProgramme_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = new RegisterProgrammeRequest
        {
            CountryCode = "XXX",
            Title = "",
            PeriodStart = new Google.Type.Date { Year = 2008, Month = 2, Day = 30 },
        };
        await RpcAssert.InvalidFields(() => _client.RegisterProgrammeAsync(request).ResponseAsync,
            "country_code", "title", "period_start", "period_end");
    }

    [Fact]
    public async Task RegisterProgramme_WhenPeriodIsInverted_IsInvalidAndStoresNothing()
    {
        var country = "ZMB";
        var before = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = country });
        var request = Valid(country);
        request.PeriodEnd = ProtoConvert.ToDate(new DateOnly(2005, 12, 31));

        await RpcAssert.InvalidFields(() => _client.RegisterProgrammeAsync(request).ResponseAsync, "period_end");

        var after = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = country });
        Assert.Equal(before.TotalSize, after.TotalSize);
    }

    [Fact]
    public async Task GetProgramme_WhenUnknown_IsNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = "not-a-uuid" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task ListProgrammes_FiltersByCountryRegionAndStatusAndPages()
    {
        // Cabo Verde is used by no other test in this class, so the counts are exact.
        for (var i = 0; i < 5; i++) await _client.RegisterProgrammeAsync(Valid("CPV", $"DWCP Cabo Verde {i}"));
        await _client.RegisterProgrammeAsync(Valid("URY", "DWCP Uruguay"));

        var first = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "CPV", PageSize = 2 });
        var second = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "CPV", PageSize = 2, PageToken = first.NextPageToken });
        var third = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "CPV", PageSize = 2, PageToken = second.NextPageToken });

        Assert.Equal(5, first.TotalSize);
        Assert.Equal([2, 2, 1], new[] { first, second, third }.Select(p => p.Programmes.Count));
        Assert.Equal("", third.NextPageToken);
        Assert.Equal(5, first.Programmes.Concat(second.Programmes).Concat(third.Programmes).Select(p => p.Id).Distinct().Count());

        var americasDrafts = await _client.ListProgrammesAsync(new ListProgrammesRequest { Region = IloRegion.Americas, Status = ProgrammeStatus.Draft });
        Assert.Contains(americasDrafts.Programmes, p => p.CountryCode == "URY");
        Assert.DoesNotContain(americasDrafts.Programmes, p => p.CountryCode == "CPV");
        var approved = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "CPV", Status = ProgrammeStatus.Approved });
        Assert.Equal(0, approved.TotalSize);
    }

    [Fact]
    public async Task ListProgrammes_WhenTokenOrCountryIsBad_IsInvalid() =>
        await RpcAssert.InvalidFields(
            () => _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "ZZZ", PageToken = "garbage", PageSize = -1 }).ResponseAsync,
            "country", "page_token", "page_size");

    [Fact]
    public async Task JsonRoutes_RegisterAndListByCountry()
    {
        var http = fixture.Service.Http;
        var created = await http.PostAsJsonAsync("/v1/programmes", new
        {
            countryCode = "MOZ",
            title = "DWCP Mozambique",
            periodStart = new { year = 2008, month = 1, day = 1 },
            periodEnd = new { year = 2011, month = 12, day = 31 },
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ILO_REGION_AFRICA", body.GetProperty("region").GetString());

        var listed = await http.GetFromJsonAsync<JsonElement>("/v1/programmes?country=MOZ");
        Assert.Contains(listed.GetProperty("programmes").EnumerateArray(), p => p.GetProperty("id").GetString() == body.GetProperty("id").GetString());

        var bad = await http.PostAsJsonAsync("/v1/programmes", new { countryCode = "MOZ" });
        Assert.True(HttpStatusCode.BadRequest == bad.StatusCode, await bad.Content.ReadAsStringAsync());
        var missing = await http.GetAsync($"/v1/programmes/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task FundingApproved_WhenDeliveredTwice_IsCountedOnce()
    {
        var programme = await _client.RegisterProgrammeAsync(Valid("RWA", "DWCP Rwanda"));
        var approved = new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "European Union", Guid.Parse(programme.Id), 65_800_000.10m, 2007, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();

        // The same message id twice is what a relay crash between publish and delete produces.
        await bus.Publish(approved, ctx => ctx.MessageId = messageId);
        await bus.Publish(approved, ctx => ctx.MessageId = messageId);
        var second = approved with { ApprovalId = Guid.NewGuid(), AmountUsd = 0.90m };
        await bus.Publish(second);

        var funded = await Eventually.Until(
            () => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 2, what: "both approvals to be counted");
        Assert.Equal(65_800_001m, ProtoConvert.ToDecimal(funded.FundingMobilised));
        Assert.Equal("USD", funded.FundingMobilised.CurrencyCode);

        await Task.Delay(500); // a late duplicate would have landed by now
        var settled = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });
        Assert.Equal(2, settled.FundingApprovalCount);
        // Approvals are kept beside the programme: counting them did not rewrite it.
        Assert.Equal(1, settled.Version);
    }

    [Fact]
    public async Task Health_ReportsStorageAndBroker()
    {
        var response = await fixture.Service.Http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"storage\"", body);
        Assert.Contains("masstransit", body, StringComparison.OrdinalIgnoreCase);
    }
}
