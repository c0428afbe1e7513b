using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests;

/// <summary>Joint needs assessments and early-recovery programmes over real gRPC; each test its own countries.</summary>
public class CrisisResponseServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private static Date Day(int year, int month, int day) => ToolkitAssessmentServiceTests.Day(year, month, day);

    private static RecordCrisisResponseRequest Request(string country, CrisisResponseKind kind = CrisisResponseKind.JointNeedsAssessment, Date? startedOn = null) => new()
    {
        Kind = kind, CountryCode = country, Title = "Joint damage, loss and needs assessment", Crisis = "Cyclone Sidr",
        Agencies = { "undp", "FAO" }, OrganisationRole = OrganisationRole.Member, StartedOn = startedOn ?? Day(2007, 11, 20),
    };

    [Fact]
    public async Task RecordCrisisResponse_WhenValid_StoresItWithTheAgenciesAndCanBeFetched()
    {
        var recorded = await _client.RecordCrisisResponseAsync(Request("bgd").With(r => r.EndedOn = Day(2008, 2, 29)));

        var fetched = await _client.GetCrisisResponseAsync(new GetCrisisResponseRequest { Id = recorded.Id });

        Assert.Equal((CrisisResponseKind.JointNeedsAssessment, "BGD", "Cyclone Sidr", OrganisationRole.Member, 1L),
            (fetched.Kind, fetched.CountryCode, fetched.Crisis, fetched.OrganisationRole, fetched.Version));
        Assert.Equal(["UNDP", "FAO"], fetched.Agencies);
        Assert.Equal((2007, 11, 20, 29), (fetched.StartedOn.Year, fetched.StartedOn.Month, fetched.StartedOn.Day, fetched.EndedOn.Day));
        Assert.Equal(recorded, fetched);
    }

    [Fact]
    public async Task RecordCrisisResponse_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = new RecordCrisisResponseRequest
        {
            Kind = CrisisResponseKind.Unspecified, CountryCode = "XXX", Title = " ", Crisis = new string('c', 201),
            Agencies = { "ILO", "U" }, OrganisationRole = OrganisationRole.Unspecified, EndedOn = Day(2008, 13, 1),
        };
        await RpcAssert.InvalidFields(() => _client.RecordCrisisResponseAsync(request).ResponseAsync,
            "kind", "country_code", "title", "crisis", "agencies[0]", "agencies[1]", "organisation_role", "started_on", "ended_on");
    }

    [Fact]
    public async Task RecordCrisisResponse_WhenNoOtherAgencyOrItEndsBeforeItStarts_IsInvalid()
    {
        await RpcAssert.InvalidFields(() => _client.RecordCrisisResponseAsync(Request("HTI").With(r => r.Agencies.Clear())).ResponseAsync, "agencies");
        await RpcAssert.InvalidFields(() => _client.RecordCrisisResponseAsync(Request("HTI").With(r => r.EndedOn = Day(2007, 11, 19))).ResponseAsync, "ended_on");
        await RpcAssert.InvalidFields(() => _client.RecordCrisisResponseAsync(Request("HTI", startedOn: Day(1989, 1, 1))).ResponseAsync, "started_on");
    }

    [Fact]
    public async Task GetCrisisResponse_WhenUnknownOrNotAUuid_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetCrisisResponseAsync(new GetCrisisResponseRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetCrisisResponseAsync(new GetCrisisResponseRequest { Id = "x" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task ListCrisisResponses_FiltersByKindAndCountryAndPagesByCountryThenStart()
    {
        var laterInMadagascar = await _client.RecordCrisisResponseAsync(Request("MDG", startedOn: Day(2008, 3, 1)));
        var earlierInMadagascar = await _client.RecordCrisisResponseAsync(Request("MDG", startedOn: Day(2007, 3, 1)));
        var recovery = await _client.RecordCrisisResponseAsync(Request("MDG", CrisisResponseKind.EarlyRecoveryProgramme, Day(2008, 6, 1)));
        var myanmar = await _client.RecordCrisisResponseAsync(Request("MMR", startedOn: Day(2008, 5, 20)));

        var madagascar = await _client.ListCrisisResponsesAsync(new ListCrisisResponsesRequest { Country = "mdg" });
        Assert.Equal([earlierInMadagascar.Id, laterInMadagascar.Id, recovery.Id], madagascar.CrisisResponses.Select(c => c.Id));
        var assessments = await _client.ListCrisisResponsesAsync(new ListCrisisResponsesRequest { Country = "MDG", Kind = CrisisResponseKind.JointNeedsAssessment });
        Assert.Equal([earlierInMadagascar.Id, laterInMadagascar.Id], assessments.CrisisResponses.Select(c => c.Id));
        Assert.Equal(2, assessments.TotalSize);
        var all = await _client.ListCrisisResponsesAsync(new ListCrisisResponsesRequest { PageSize = 200 });
        var ids = all.CrisisResponses.Select(c => c.Id).ToList();
        Assert.True(ids.IndexOf(recovery.Id) < ids.IndexOf(myanmar.Id), "MDG comes before MMR");

        var first = await _client.ListCrisisResponsesAsync(new ListCrisisResponsesRequest { Country = "MDG", PageSize = 2 });
        var rest = await _client.ListCrisisResponsesAsync(new ListCrisisResponsesRequest { Country = "MDG", PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal((2, 3, ""), (first.CrisisResponses.Count, first.TotalSize, rest.NextPageToken));
        Assert.Equal([recovery.Id], rest.CrisisResponses.Select(c => c.Id));
        await RpcAssert.InvalidFields(() => _client.ListCrisisResponsesAsync(new ListCrisisResponsesRequest { Kind = (CrisisResponseKind)9, Country = "XXX", PageToken = "bad" }).ResponseAsync,
            "kind", "country", "page_token");
    }

    [Fact]
    public async Task JsonRoutes_RecordGetAndListCrisisResponses()
    {
        using var http = fixture.Service.JsonClient();
        var created = await http.PostAsJsonAsync("/v1/crisis-responses", new
        {
            kind = "CRISIS_RESPONSE_KIND_EARLY_RECOVERY_PROGRAMME", countryCode = "LBR", title = "Employment-intensive early recovery",
            agencies = new[] { "UNDP", "UNHCR" }, organisationRole = "ORGANISATION_ROLE_LEAD", startedOn = new { year = 2007, month = 1, day = 15 },
        });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var got = await http.GetFromJsonAsync<JsonElement>($"/v1/crisis-responses/{id}");
        Assert.Equal(("ORGANISATION_ROLE_LEAD", "LBR"), (got.GetProperty("organisationRole").GetString(), got.GetProperty("countryCode").GetString()));
        var listed = await http.GetFromJsonAsync<JsonElement>("/v1/crisis-responses?country=LBR&kind=CRISIS_RESPONSE_KIND_EARLY_RECOVERY_PROGRAMME");
        Assert.Equal((id, 1), (listed.GetProperty("crisisResponses")[0].GetProperty("id").GetString(), listed.GetProperty("totalSize").GetInt32()));

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/v1/crisis-responses", new { countryCode = "LBR" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/v1/crisis-responses/{Guid.NewGuid()}")).StatusCode);
    }
}
