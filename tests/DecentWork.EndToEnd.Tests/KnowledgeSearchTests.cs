using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Issue 13's knowledge base end to end: DWCPs registered in programming and items in the catalogue, searched through the gateway as a country office.</summary>
public class KnowledgeSearchTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task Search_WhenCountryOfficeThroughTheGateway_FindsOnlyItsCountryAndGlobalItems()
    {
        var word = "zq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(10));
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var knowledge = new CoordinationV1.KnowledgeService.KnowledgeServiceClient(Platform.GatewayGrpc);
        async Task<string> ProgrammeAsync(string country) => (await programmes.RegisterProgrammeAsync(new ProgrammingV1.RegisterProgrammeRequest
        {
            CountryCode = country, Title = $"Decent work country programme {word}",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)), PeriodEnd = ProtoConvert.ToDate(new DateOnly(2011, 12, 31)),
        })).Id;
        async Task<string> ItemAsync(string country) => (await knowledge.RegisterKnowledgeItemAsync(new CoordinationV1.RegisterKnowledgeItemRequest
        {
            Content = new CoordinationV1.KnowledgeItemContent
            {
                Kind = CoordinationV1.KnowledgeItemKind.LessonLearned, Title = $"Lesson from the {word} programme", Summary = "Tripartite ownership first.",
                Language = "en", Date = ProtoConvert.ToDate(new DateOnly(2008, 6, 1)), CountryCode = country,
            },
        })).Id;
        var benin = await ProgrammeAsync("BEN");
        var togo = await ProgrammeAsync("TGO");
        var beninItem = await ItemAsync("BEN");
        var globalItem = await ItemAsync("");
        await ItemAsync("TGO");
        // Programmes reach the index through programming's ProgrammeRegistered events.
        await Eventually.Until(() => knowledge.SearchAsync(new CoordinationV1.SearchRequest { Query = word }).ResponseAsync,
            r => r.Results.Any(x => x.Id == benin) && r.Results.Any(x => x.Id == togo), what: "both programmes to be indexed");

        var office = new CoordinationV1.KnowledgeService.KnowledgeServiceClient(Platform.GatewayGrpcFor(TestCaller.CountryOffice("BEN")));
        var found = await office.SearchAsync(new CoordinationV1.SearchRequest { Query = word });
        Assert.Equal(new[] { benin, beninItem, globalItem }.Order(), found.Results.Select(r => r.Id).Order());
        Assert.Equal(3, found.TotalSize);

        var json = await Platform.GatewayJsonFor(TestCaller.CountryOffice("BEN")).GetFromJsonAsync<JsonElement>($"/v1/search?query={word}&pageSize=2");
        Assert.Equal(2, json.GetProperty("results").GetArrayLength());
        Assert.Equal(3, json.GetProperty("totalSize").GetInt32());
        Assert.DoesNotContain(togo, json.GetRawText(), StringComparison.Ordinal);
    }
}
