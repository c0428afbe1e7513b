using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;

namespace DecentWork.Coordination.Tests;

/// <summary>The Delivering-as-One report, in a class of its own so its service holds only these pilots.</summary>
public class DeliveringAsOneReportServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private async Task SetGroupAsync(string country, string name, OrganisationRole role, params string[] agencies) =>
        await _client.SetWorkingGroupAsync(new SetWorkingGroupRequest
        {
            CountryCode = country, WorkingGroup = new WorkingGroup { Name = name, OrganisationRole = role, Agencies = { agencies } },
        });

    [Fact]
    public async Task SummariseDeliveringAsOnePilots_ListsTheOrganisationsRolesPerPilotWithTotalsAndToolkitAssessments()
    {
        foreach (var country in new[] { "TZA", "PAK", "ALB" })
            await _client.RegisterDeliveringAsOnePilotAsync(new RegisterDeliveringAsOnePilotRequest { CountryCode = country, PilotSinceYear = 2007 });
        await SetGroupAsync("PAK", "Agriculture, Rural Development and Poverty Reduction", OrganisationRole.CoChair, "FAO");
        foreach (var group in new[] { "Disaster Risk Management", "Education", "Environment", "Health", "Population" })
            await SetGroupAsync("PAK", group, OrganisationRole.Member);
        await SetGroupAsync("TZA", "Employment and empowerment", OrganisationRole.Lead, "UNDP");
        await _client.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest
        {
            Agency = "UNDP", CountryCode = "TZA", Status = ToolkitAssessmentStatus.Completed, CompletedOn = ToolkitAssessmentServiceTests.Day(2008, 4, 1),
        });

        var summary = await _client.SummariseDeliveringAsOnePilotsAsync(new SummariseDeliveringAsOnePilotsRequest());

        Assert.Equal(["ALB", "PAK", "TZA"], summary.Pilots.Select(p => p.CountryCode));
        Assert.Equal((0, 1, 1, 5, 1, 3), (summary.ChairCount, summary.CoChairCount, summary.LeadCount, summary.MemberCount, summary.ToolkitAssessmentCompletedCount, summary.TotalSize));
        var pakistan = summary.Pilots[1];
        Assert.Equal(["Agriculture, Rural Development and Poverty Reduction"], pakistan.CoChairedGroups);
        Assert.Equal(5, pakistan.MemberGroups.Count);
        Assert.Equal(["Employment and empowerment"], summary.Pilots[2].LedGroups);
        Assert.True(summary.Pilots[2].ToolkitAssessmentCompleted);

        var page = await _client.SummariseDeliveringAsOnePilotsAsync(new SummariseDeliveringAsOnePilotsRequest { PageSize = 2 });
        var next = await _client.SummariseDeliveringAsOnePilotsAsync(new SummariseDeliveringAsOnePilotsRequest { PageSize = 2, PageToken = page.NextPageToken });
        Assert.Equal((2, 5), (page.Pilots.Count, page.MemberCount));
        Assert.Equal(["TZA"], next.Pilots.Select(p => p.CountryCode));
        await RpcAssert.InvalidFields(() => _client.SummariseDeliveringAsOnePilotsAsync(new SummariseDeliveringAsOnePilotsRequest { PageToken = "bad", PageSize = -1 }).ResponseAsync,
            "page_token", "page_size");

        using var http = fixture.Service.JsonClient();
        var json = await http.GetFromJsonAsync<JsonElement>("/v1/delivering-as-one/reports/roles");
        Assert.Equal("Agriculture, Rural Development and Poverty Reduction", json.GetProperty("pilots")[1].GetProperty("coChairedGroups")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/v1/delivering-as-one/reports/roles?pageToken=bad")).StatusCode);
    }
}
