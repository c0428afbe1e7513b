using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>The region comparison from programming's and partnerships' events over the real broker, and from the catalogue.</summary>
public class RegionComparisonServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private Task<RegionComparisonRow?> RowAsync(Region region, string country, Func<RegionComparisonRow, bool> done, KnowledgeService.KnowledgeServiceClient? client = null) =>
        Eventually.Until(async () => (await (client ?? _staff).ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = region })).Rows.SingleOrDefault(r => r.CountryCode == country),
            r => r is not null && done(r), what: $"{country} in the comparison");

    [Fact]
    public async Task ReportRegionComparison_WhenProgrammesFundingAndItemsArrive_ComparesCountriesAndRegions()
    {
        var outcomes = new[] { new ProgrammeOutcome(Guid.NewGuid(), "1", "Youth employment", 2, 400_000m), new ProgrammeOutcome(Guid.NewGuid(), "2", "Social dialogue", 4, 100_000m) };
        var malawi = new ProgrammeApproved(Guid.NewGuid(), "MWI", "Africa", new DateOnly(2008, 5, 1), outcomes, DateTimeOffset.UtcNow);
        await Bus.Publish(malawi);
        await RowAsync(Region.Africa, "MWI", r => r.OutcomeCount == 2, null);
        // One allocation by country, one through the programme: both count for Malawi.
        await Bus.Publish(new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "Donor", malawi.ProgrammeId, 150_000m, 2008, DateTimeOffset.UtcNow,
            [new("Africa", "MWI", null, null, 2, 100_000m), new(null, null, malawi.ProgrammeId, null, null, 50_000m)]));
        await _staff.RegisterKnowledgeItemAsync(Register(Content("MWI")));
        await _staff.RegisterKnowledgeItemAsync(Register(Content("MWI", kind: KnowledgeItemKind.LessonLearned)));

        var row = await RowAsync(Region.Africa, "MWI", r => r.FundingApproved.Units == 150_000 && r.LessonLearnedCount == 1);

        Assert.Equal((1, 2, 500_000m, 350_000m, "30.00", 1), (row!.ProgrammeCount, row.OutcomeCount, ProtoConvert.ToDecimal(row.ResourceNeeds),
            ProtoConvert.ToDecimal(row.FundingGap), row.FundedPercent, row.GoodPracticeCount));
        var between = await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest());
        var africa = between.Rows.Single(r => r.Region == Region.Africa);
        Assert.Equal("", africa.CountryCode);
        Assert.True(africa.OutcomeCount >= 2);
        Assert.Equal(between.Rows.Sum(r => r.OutcomeCount), between.Total.OutcomeCount);
    }

    [Fact]
    public async Task ReportRegionComparison_WhenCountryOffice_ShowsOnlyItsCountries()
    {
        await _staff.RegisterKnowledgeItemAsync(Register(Content("ZMB")));
        await _staff.RegisterKnowledgeItemAsync(Register(Content("ZWE")));
        var zambia = For(fixture, TestCaller.CountryOffice("ZMB"));

        await RowAsync(Region.Africa, "ZMB", r => r.GoodPracticeCount == 1, zambia);
        var report = await zambia.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = Region.Africa });

        Assert.Equal(["ZMB"], report.Rows.Select(r => r.CountryCode));
    }

    [Fact]
    public async Task ReportRegionComparison_WhenTheRegionIsUnknown_IsInvalid() =>
        await RpcAssert.InvalidFields(() => _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = (Region)8 }).ResponseAsync, "region");

    [Fact]
    public async Task JsonRoutes_WhenCalled_RegisterSearchAndReport()
    {
        using var http = fixture.Service.JsonClient(TestCaller.ProgrammeStaff);
        var word = UniqueWord();
        var created = await http.PostAsJsonAsync("/v1/knowledge-items", new
        {
            content = new { kind = "KNOWLEDGE_ITEM_KIND_GOOD_PRACTICE", title = $"Better Work {word}", summary = "Factory compliance", language = "en",
                date = new { year = 2008, month = 4, day = 1 }, countryCode = "KHM" },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var found = await http.GetFromJsonAsync<JsonElement>($"/v1/search?query={word}");
        Assert.Equal(id, found.GetProperty("results")[0].GetProperty("id").GetString());
        var listed = await http.GetFromJsonAsync<JsonElement>($"/v1/knowledge-items?query={word}&region=REGION_ASIA_PACIFIC");
        Assert.Equal(id, listed.GetProperty("knowledgeItems")[0].GetProperty("id").GetString());
        var withdrawn = await http.PostAsJsonAsync($"/v1/knowledge-items/{id}:withdraw", new { reason = "Test" });
        withdrawn.EnsureSuccessStatusCode();
        var report = await http.GetFromJsonAsync<JsonElement>("/v1/region-comparison?region=REGION_ASIA_PACIFIC");
        Assert.True(report.TryGetProperty("total", out _));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/v1/knowledge-items", new { content = new { title = "x" } })).StatusCode);
    }
}
