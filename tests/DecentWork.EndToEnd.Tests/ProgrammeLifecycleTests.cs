using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Testing;
using Grpc.Core;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Issues 3 and 4 end to end: a programme's life through the portal's JSON, and its link into UN programming.</summary>
public class ProgrammeLifecycleTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task Programme_FromDraftToEvaluated_ThroughTheGatewayOverJson()
    {
        // Each step as the role the paper gives it: the country office drafts, a regional reviewer
        // clears, the three constituents sign, headquarters approves and follows up.
        var office = TestCaller.CountryOffice("KHM");
        var json = Platform.GatewayJsonFor(office);
        var reviewer = Platform.GatewayJsonFor(TestCaller.QaReviewer);
        var headquarters = Platform.GatewayJsonFor(TestCaller.ProgrammeStaff);
        var programme = await PostAsync(json, "/v1/programmes", new
        {
            countryCode = "KHM",
            title = "Decent Work Country Programme Cambodia 2008-2010",
            periodStart = new { year = 2008, month = 1, day = 1 },
            periodEnd = new { year = 2010, month = 12, day = 31 },
        });
        var id = programme.GetProperty("id").GetString();
        Assert.Equal("PROGRAMME_STATUS_DRAFT", programme.GetProperty("status").GetString());

        programme = await PostAsync(json, $"/v1/programmes/{id}/priorities", new { title = "Improved labour relations" });
        var priorityId = programme.GetProperty("priorities")[0].GetProperty("id").GetString();
        programme = await PostAsync(json, $"/v1/programmes/{id}/outcomes", new
        {
            priorityId,
            code = "KHM126",
            statement = "Dispute resolution machinery strengthened",
            strategicObjective = "STRATEGIC_OBJECTIVE_SOCIAL_DIALOGUE",
            resourceNeed = new { currencyCode = "USD", units = "1200000" },
        });

        // Out of order: QA before any consultation says what is missing.
        var early = await json.PostAsJsonAsync($"/v1/programmes/{id}:submitForQualityAssurance", new { });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("consultation", await early.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await PostAsync(json, $"/v1/programmes/{id}:startConsultation", new { });
        await PostAsync(json, $"/v1/programmes/{id}/consultations", new
        {
            heldOn = new { year = 2007, month = 11, day = 20 },
            place = "Phnom Penh",
            participants = new[]
            {
                new { group = "CONSTITUENT_GROUP_GOVERNMENT", women = 4, men = 6 },
                new { group = "CONSTITUENT_GROUP_EMPLOYERS", women = 2, men = 3 },
                new { group = "CONSTITUENT_GROUP_WORKERS", women = 3, men = 3 },
            },
            agreedPriorityIds = new[] { priorityId },
        });
        await PostAsync(json, $"/v1/programmes/{id}:submitForQualityAssurance", new { });
        var checklist = new[]
        {
            "QUALITY_CRITERION_DEFICIT_ANALYSIS_MATCHES_PRIORITIES", "QUALITY_CRITERION_STRATEGIC_OBJECTIVES_INTEGRATED",
            "QUALITY_CRITERION_SOCIAL_PARTNERS_TOOK_PART", "QUALITY_CRITERION_LINKS_TO_UNDAF_AND_NATIONAL_STRATEGY",
            "QUALITY_CRITERION_RESULTS_FRAMEWORK_QUALITY",
        }.Select(criterion => new { criterion, passed = true, comment = "Meets the guideline" });
        await PostAsync(reviewer, $"/v1/programmes/{id}/quality-assurance-reviews", new
        {
            reviewingUnit = "REVIEWING_UNIT_REGION",
            checklist,
            decision = "REVIEW_DECISION_CLEARED",
        });
        var signedOn = new { year = 2008, month = 2, day = 14 };
        foreach (var (group, function) in new[] { ("government", "Minister of Labour"), ("employers", "President, Federation of Employers"), ("workers", "Secretary-general, trade union confederation") })
            await PostAsync(Platform.GatewayJsonFor(TestCaller.Constituent("KHM", group)), $"/v1/programmes/{id}:sign", new { function, signedOn });
        await PostAsync(headquarters, $"/v1/programmes/{id}:approve", new { });
        await PostAsync(headquarters, $"/v1/programmes/{id}:activate", new { });
        await PostAsync(headquarters, $"/v1/programmes/{id}:complete", new { });
        var evaluated = await PostAsync(headquarters, $"/v1/programmes/{id}/evaluations", new
        {
            kind = "EVALUATION_KIND_INDEPENDENT",
            evaluatedOn = new { year = 2011, month = 3, day = 1 },
            summary = "Dispute resolution improved; social partners want a second programme.",
            changedBy = "evaluation.unit",
        });

        Assert.Equal("PROGRAMME_STATUS_EVALUATED", evaluated.GetProperty("status").GetString());
        Assert.Equal("EVALUATION_KIND_INDEPENDENT", evaluated.GetProperty("evaluation").GetProperty("kind").GetString());
        var history = await json.GetFromJsonAsync<JsonElement>($"/v1/programmes/{id}/history?pageSize=50");
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        // registered, priority, outcome, consultation started and held, QA submitted and reviewed, three signatures, approved, activated, completed, evaluated
        Assert.Equal(14, entries.Count);
        // Who changed it is the token's caller; the request's changedBy ("evaluation.unit") is ignored.
        Assert.Equal(office.Name, entries.First().GetProperty("changedByName").GetString());
        Assert.Equal(office.ClientId, entries.First().GetProperty("changedBySubject").GetString());
        Assert.Equal(TestCaller.ProgrammeStaff.Name, entries.Last().GetProperty("changedByName").GetString());
        Assert.DoesNotContain(entries, e => e.GetProperty("changedBy").GetString()!.Contains("evaluation.unit", StringComparison.Ordinal));
        var report = await headquarters.GetFromJsonAsync<JsonElement>("/v1/programmes:reportByStatus");
        Assert.Contains(report.GetProperty("rows").EnumerateArray(), row =>
            row.GetProperty("status").GetString() == "PROGRAMME_STATUS_EVALUATED" && row.GetProperty("approvalYear").GetInt32() == 2008);
    }

    [Fact]
    public async Task ApprovedProgramme_LinkedToUndafOutcome_AppearsInCoherenceReport()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var coordination = new CoordinationV1.CoordinationService.CoordinationServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "LAO", 800_000m);
        var undaf = await coordination.RegisterUndafAsync(new CoordinationV1.RegisterUndafRequest
        {
            CountryCode = "LAO",
            CycleStartYear = 2007,
            CycleEndYear = 2011,
            Status = CoordinationV1.UndafStatus.Active,
            Outcomes = { new CoordinationV1.UndafOutcome { Code = "UO2", Statement = "Sustainable livelihoods and decent jobs" } },
        });

        // Coordination knows the outcome only once programming's ProgrammeApproved has arrived.
        var linked = await Eventually.WhenKnown(() => coordination.LinkOutcomesAsync(new CoordinationV1.LinkOutcomesRequest
        {
            UndafId = undaf.Id,
            UndafOutcomeCode = "UO2",
            ProgrammeId = programme.Id,
            ProgrammeOutcomeId = programme.Priorities[0].Outcomes[0].Id,
        }).ResponseAsync, what: "coordination to learn of the approved programme");
        Assert.Single(linked.OutcomeLinks);

        var coherence = await coordination.ListCountryCoherenceAsync(new CoordinationV1.ListCountryCoherenceRequest { Country = "LAO" });
        var lao = Assert.Single(coherence.Countries);
        Assert.Equal(1, lao.LinkedOutcomeCount);
        Assert.Contains(programme.Id, lao.ProgrammeIds);
        Assert.Contains(undaf.Id, lao.UndafIds);
        Assert.Equal(CoordinationV1.UndafStatus.Active, lao.LatestUndafStatus);
    }

    private static async Task<JsonElement> PostAsync(HttpClient json, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-user", "kh.office");
        var response = await json.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
