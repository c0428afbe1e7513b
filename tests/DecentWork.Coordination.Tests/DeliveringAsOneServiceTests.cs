using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Coordination.Tests;

/// <summary>Delivering-as-One pilots and working groups over real gRPC; each test its own countries.</summary>
public class DeliveringAsOneServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private Task<DeliveringAsOnePilot> RegisterAsync(string country, int year = 2007) =>
        _client.RegisterDeliveringAsOnePilotAsync(new RegisterDeliveringAsOnePilotRequest { CountryCode = country, PilotSinceYear = year }).ResponseAsync;

    private Task<DeliveringAsOnePilot> SetGroupAsync(string country, string name, OrganisationRole role, long expectedVersion = 0, params string[] agencies) =>
        _client.SetWorkingGroupAsync(new SetWorkingGroupRequest
        {
            CountryCode = country, ExpectedVersion = expectedVersion,
            WorkingGroup = new WorkingGroup { Name = name, OrganisationRole = role, Agencies = { agencies } },
        }).ResponseAsync;

    [Fact]
    public async Task SetWorkingGroup_WhenAPilot_RecordsTheOrganisationsRole()
    {
        var pilot = await RegisterAsync("pak");
        var updated = await SetGroupAsync("PAK", "Agriculture, Rural Development and Poverty Reduction", OrganisationRole.CoChair, pilot.Version, "fao");
        await SetGroupAsync("PAK", "Education", OrganisationRole.Member);

        var fetched = await _client.GetDeliveringAsOnePilotAsync(new GetDeliveringAsOnePilotRequest { CountryCode = "PAK" });
        Assert.Equal(("PAK", 2007, 3L), (fetched.CountryCode, fetched.PilotSinceYear, fetched.Version));
        Assert.Equal((OrganisationRole.CoChair, "FAO"), (fetched.WorkingGroups[0].OrganisationRole, fetched.WorkingGroups[0].Agencies.Single()));
        Assert.Equal(["Agriculture, Rural Development and Poverty Reduction", "Education"], fetched.WorkingGroups.Select(g => g.Name));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => SetGroupAsync("PAK", "Health", OrganisationRole.Member, updated.Version));
    }

    [Fact]
    public async Task SetWorkingGroup_WhenManyGroupsAreSetOnOnePilotAtOnce_KeepsEveryOne()
    {
        var pilot = await RegisterAsync("MOZ");

        // Six changes of one pilot at once, none naming a version: each loser of the race sets its
        // group again on the winner's state, so every group is kept and none is answered ABORTED.
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => SetGroupAsync("MOZ", $"Group {i}", OrganisationRole.Member)));

        var read = await _client.GetDeliveringAsOnePilotAsync(new GetDeliveringAsOnePilotRequest { CountryCode = "MOZ" });
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"Group {i}"), read.WorkingGroups.Select(g => g.Name).Order());
        Assert.Equal(pilot.Version + 6, read.Version);
    }

    [Fact]
    public async Task RegisterDeliveringAsOnePilot_WhenTheCountryIsAlreadyAPilotOrFieldsAreBad_IsRefused()
    {
        await RegisterAsync("RWA");
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => RegisterAsync("rwa", 2008));
        await RpcAssert.InvalidFields(() => RegisterAsync("XXX", 2005), "country_code", "pilot_since_year");
    }

    [Fact]
    public async Task SetWorkingGroup_WhenNotAPilotOrFieldsAreBad_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => SetGroupAsync("NGA", "Health", OrganisationRole.Member));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetDeliveringAsOnePilotAsync(new GetDeliveringAsOnePilotRequest { CountryCode = "NGA" }).ResponseAsync);
        await RpcAssert.InvalidFields(() => SetGroupAsync("XXX", "", OrganisationRole.Unspecified, -1, "W"),
            "country_code", "working_group.name", "working_group.organisation_role", "working_group.agencies[0]", "expected_version");
    }

    [Fact]
    public async Task ListDeliveringAsOnePilots_OrdersByCountryAndPages_AlsoAsJson()
    {
        foreach (var country in new[] { "VNM", "ALB", "URY" }) await RegisterAsync(country);

        var all = await _client.ListDeliveringAsOnePilotsAsync(new ListDeliveringAsOnePilotsRequest { PageSize = 200 });
        var codes = all.Pilots.Select(p => p.CountryCode).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Subset(codes.ToHashSet(), new HashSet<string> { "VNM", "ALB", "URY" });
        var first = await _client.ListDeliveringAsOnePilotsAsync(new ListDeliveringAsOnePilotsRequest { PageSize = 1 });
        Assert.Equal((1, all.TotalSize), (first.Pilots.Count, first.TotalSize));

        using var http = fixture.Service.JsonClient();
        var set = await http.PostAsJsonAsync("/v1/delivering-as-one/VNM:setWorkingGroup",
            new { workingGroup = new { name = "Employment", organisationRole = "ORGANISATION_ROLE_LEAD" } });
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var listed = await http.GetFromJsonAsync<JsonElement>("/v1/delivering-as-one?pageSize=200");
        var vietNam = listed.GetProperty("pilots").EnumerateArray().Single(p => p.GetProperty("countryCode").GetString() == "VNM");
        Assert.Equal("ORGANISATION_ROLE_LEAD", vietNam.GetProperty("workingGroups")[0].GetProperty("organisationRole").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/v1/delivering-as-one/NER")).StatusCode);
    }
}
