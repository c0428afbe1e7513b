using System.Net;
using System.Xml.Linq;
using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using DecentWork.Testing.Iati;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Programming.Tests;

/// <summary>The IATI 2.03 publication: anonymous, approved programmes only, valid against the official schemas, codelists and rules.</summary>
public class IatiExportServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    /// <summary>An active programme with a classified outcome, a reported indicator and a partner's allocation to the outcome.</summary>
    private async Task<(Programme Programme, string OutcomeId)> PublishedProgrammeAsync(string country)
    {
        var programme = await Lifecycle.ApprovedAsync(country);
        await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = programme.Id }); // progress is reported once active
        var outcomeId = programme.Priorities[0].Outcomes[0].Id;
        await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = programme.Id, OutcomeId = outcomeId,
            Classification = new Classification
            {
                PolicyMarkers = { new PolicyMarkerScore { Code = "1", Significance = "2" }, new PolicyMarkerScore { Code = "11", Significance = "0" } },
                SdgGoals = { "8" }, SdgTargets = { "8.5" },
                Sectors = { new SectorShare { Code = "16020", Percentage = "70" }, new SectorShare { Code = "16010", Percentage = "30" } },
            },
        });
        programme = await _client.AddIndicatorAsync(new AddIndicatorRequest
        {
            ProgrammeId = programme.Id, OutcomeId = outcomeId, Description = "Young people placed in jobs", Kind = IndicatorKind.Number,
            Unit = "people", Baseline = "120", Target = "900", TargetDate = ProtoConvert.ToDate(new DateOnly(2010, 12, 31)),
        });
        await _client.RecordIndicatorProgressAsync(new RecordIndicatorProgressRequest
        {
            ProgrammeId = programme.Id, IndicatorId = programme.Priorities[0].Outcomes[0].Indicators[0].Id,
            ReportedOn = ProtoConvert.ToDate(new DateOnly(2009, 6, 30)), Actual = "410.5",
        });
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "Government of Norway",
            Guid.Parse(programme.Id), 250_000m, 2008, new DateTimeOffset(2008, 5, 2, 9, 0, 0, TimeSpan.Zero),
            [new FundingAllocation("AsiaPacific", country, null, Guid.Parse(outcomeId), 2, 250_000m)]));
        programme = await Eventually.Until(() => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "the approval to be counted");
        return (programme, outcomeId);
    }

    private async Task<string> GetAnonymouslyAsync(string path)
    {
        using var http = fixture.Service.AnonymousJsonClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ActivitiesXml_WhenAProgrammeIsApproved_PublishesEachOutcomeValidAgainstSchemaCodelistsAndRules()
    {
        var (programme, outcomeId) = await PublishedProgrammeAsync("PNG");
        var draft = await Lifecycle.WithOutcomeAsync("PNG", 2013, 2016);

        var xml = await GetAnonymouslyAsync("/v1/iati/activities.xml?country=PNG");

        IatiValidator.AssertValid(xml);
        var activities = XDocument.Parse(xml).Root!.Elements("iati-activity").ToList();
        var activity = Assert.Single(activities); // the draft's outcome is not published
        Assert.Equal($"XM-DAC-41302-DWCP-{Guid.Parse(outcomeId):N}", activity.Element("iati-identifier")!.Value);
        Assert.DoesNotContain(draft.Priorities[0].Outcomes[0].Id.Replace("-", ""), xml);
        Assert.Equal("PG", (string?)activity.Element("recipient-country")!.Attribute("code"));
        Assert.Equal("2", (string?)activity.Element("activity-status")!.Attribute("code")); // active: implementation
        Assert.Equal([("1", "2"), ("11", "0")], activity.Elements("policy-marker").Select(m => ((string)m.Attribute("code")!, (string)m.Attribute("significance")!)));
        Assert.Equal(["8", "8.5"], activity.Elements("tag").Select(t => (string)t.Attribute("code")!));
        var transaction = Assert.Single(activity.Elements("transaction"));
        Assert.Equal(("11", "2008-05-02", "250000", "Government of Norway"),
            ((string)transaction.Element("transaction-type")!.Attribute("code")!, (string)transaction.Element("transaction-date")!.Attribute("iso-date")!,
             transaction.Element("value")!.Value, transaction.Element("provider-org")!.Value));
        Assert.Contains(activity.Elements("participating-org"), o => (string?)o.Attribute("role") == "1" && o.Value == "Government of Norway");
        // The resource need (1,000,000) over the four calendar years of 2008-2011, to the cent.
        Assert.Equal(1_000_000m, activity.Elements("budget").Sum(b => decimal.Parse(b.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(4, activity.Elements("budget").Count());
        var period = activity.Descendants("indicator").Single().Element("period")!;
        Assert.Equal(("900", "410.5"), ((string)period.Element("target")!.Attribute("value")!, (string)period.Element("actual")!.Attribute("value")!));
        Assert.NotEqual(programme.Id, draft.Id);
    }

    [Fact]
    public async Task ActivitiesXml_WhenAnOutcomeIsUnclassified_StillHasASectorFromItsStrategicObjective()
    {
        await Lifecycle.ApprovedAsync("WSM");

        var xml = await GetAnonymouslyAsync("/v1/iati/activities.xml?country=WSM");

        IatiValidator.AssertValid(xml);
        var sector = Assert.Single(XDocument.Parse(xml).Descendants("sector"));
        Assert.Equal(("99", "2", "100"), ((string)sector.Attribute("vocabulary")!, (string)sector.Attribute("code")!, (string)sector.Attribute("percentage")!));
    }

    [Fact]
    public async Task ActivitiesXml_WhenTheCountryIsUnknown_Is400()
    {
        using var http = fixture.Service.AnonymousJsonClient();
        using var response = await http.GetAsync("/v1/iati/activities.xml?country=QQQ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OrganisationXml_WhenProgrammesArePublished_TotalsBudgetsPerYearAndCountryValidly()
    {
        await PublishedProgrammeAsync("SLB");

        var xml = await GetAnonymouslyAsync("/v1/iati/organisation.xml");

        IatiValidator.AssertValid(xml);
        var organisation = XDocument.Parse(xml).Root!.Element("iati-organisation")!;
        var solomon = organisation.Elements("recipient-country-budget").Where(b => (string?)b.Element("recipient-country")!.Attribute("code") == "SB").ToList();
        Assert.Equal(1_000_000m, solomon.Sum(b => decimal.Parse(b.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["2008", "2009", "2010", "2011"], solomon.Select(b => ((string)b.Element("period-start")!.Attribute("iso-date")!)[..4]));
        Assert.Equal(organisation.Elements("total-budget").Select(b => b.Element("period-start")!.Attribute("iso-date")!.Value).Order(),
            organisation.Elements("total-budget").Select(b => b.Element("period-start")!.Attribute("iso-date")!.Value));
    }
}
