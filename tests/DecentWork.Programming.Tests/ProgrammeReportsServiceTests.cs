using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>Reports, the JSON routes of the lifecycle, and funding per outcome from FundingApproved.</summary>
public class ProgrammeReportsServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);


    [Fact]
    public async Task ReportProgrammesByStatus_CountsByStatusRegionAndYearOfApproval()
    {
        var before = await _client.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest { Region = IloRegion.Americas });
        await Lifecycle.ApprovedAsync("BRA");
        await Lifecycle.ApprovedAsync("MEX");
        await Lifecycle.RegisterAsync("PER");
        await Lifecycle.RegisterAsync("JOR"); // another region: filtered out

        var after = await _client.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest { Region = IloRegion.Americas });

        int Count(ReportProgrammesByStatusResponse r, ProgrammeStatus status, int year) =>
            r.Rows.Where(x => x.Status == status && x.ApprovalYear == year).Sum(x => x.ProgrammeCount);
        Assert.Equal(2, Count(after, ProgrammeStatus.Approved, 2008) - Count(before, ProgrammeStatus.Approved, 2008));
        Assert.Equal(1, Count(after, ProgrammeStatus.Draft, 0) - Count(before, ProgrammeStatus.Draft, 0));
        Assert.Equal(3, after.TotalProgrammes - before.TotalProgrammes);
        int Approvals(ReportProgrammesByStatusResponse r, int year) => r.ApprovalsByYear.Where(x => x.Year == year).Sum(x => x.ProgrammeCount);
        Assert.Equal(2, Approvals(after, 2008) - Approvals(before, 2008));
        Assert.Equal(1, after.InPreparationCount - before.InPreparationCount);
        Assert.Equal(after.ApprovalsByYear.Select(x => x.Year).Order(), after.ApprovalsByYear.Select(x => x.Year));
        Assert.All(after.Rows, r => Assert.Equal(IloRegion.Americas, r.Region));
        await RpcAssert.InvalidFields(() => _client.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest { Region = (IloRegion)99 }).ResponseAsync, "region");
    }

    [Fact]
    public async Task ReportOutcomesByStrategicObjective_TotalsNeedMobilisedAndGapPerObjective()
    {
        var programme = await Lifecycle.WithOutcomeAsync("NPL");
        await _client.AddOutcomeAsync(new AddOutcomeRequest
        {
            ProgrammeId = programme.Id, PriorityId = programme.Priorities[0].Id, Code = "NPL201", Statement = "Labour law reformed",
            StrategicObjective = StrategicObjective.StandardsAndRights, ResourceNeed = new Google.Type.Money { CurrencyCode = "USD", Units = 300, Nanos = 500_000_000 },
        });

        var report = await _client.ReportOutcomesByStrategicObjectiveAsync(new ReportOutcomesByStrategicObjectiveRequest { Country = "NPL" });

        Assert.Equal([StrategicObjective.StandardsAndRights, StrategicObjective.Employment, StrategicObjective.SocialProtection, StrategicObjective.SocialDialogue],
            report.Rows.Select(r => r.StrategicObjective));
        Assert.Equal([1, 1, 0, 0], report.Rows.Select(r => r.OutcomeCount));
        Assert.Equal(300.5m, ProtoConvert.ToDecimal(report.Rows[0].ResourceNeed));
        Assert.Equal(1_000_000m, ProtoConvert.ToDecimal(report.Rows[1].FundingGap));
        await RpcAssert.InvalidFields(() => _client.ReportOutcomesByStrategicObjectiveAsync(
            new ReportOutcomesByStrategicObjectiveRequest { Country = "QQQ", Region = (IloRegion)9 }).ResponseAsync, "country", "region");
    }

    [Fact]
    public async Task ReportConsultationParticipation_TotalsWomenAndMenPerGroup()
    {
        var programme = await Lifecycle.UnderQualityAssuranceAsync("MNG"); // one consultation, all three groups, 2 women and 3 men each
        await Lifecycle.ReviewAsync(programme.Id, ReviewDecision.Revise);
        var second = Consultation(programme, ConstituentGroup.Workers);
        second.Participants[0].Women = 4;
        await _client.RecordConsultationAsync(second);

        var report = await _client.ReportConsultationParticipationAsync(new ReportConsultationParticipationRequest { Country = "MNG" });

        Assert.Equal(2, report.ConsultationCount);
        Assert.Equal(1, report.ProgrammeCount);
        Assert.Equal([ConstituentGroup.Government, ConstituentGroup.Employers, ConstituentGroup.Workers], report.Rows.Select(r => r.Group));
        Assert.Equal([2, 2, 6], report.Rows.Select(r => r.Women));
        Assert.Equal([3, 3, 6], report.Rows.Select(r => r.Men));
        Assert.Equal([1, 1, 2], report.Rows.Select(r => r.ConsultationCount));
        Assert.Equal(0, report.CommitteeCount);

        await _client.SetSteeringCommitteeAsync(new SetSteeringCommitteeRequest
        {
            ProgrammeId = programme.Id, Name = "National Tripartite Steering Committee",
            Members =
            {
                new ConsultationParticipation { Group = ConstituentGroup.Government, Women = 2, Men = 2 },
                new ConsultationParticipation { Group = ConstituentGroup.Workers, Women = 1, Men = 3 },
            },
        });
        var withCommittee = await _client.ReportConsultationParticipationAsync(new ReportConsultationParticipationRequest { Country = "MNG" });
        Assert.Equal(1, withCommittee.CommitteeCount);
        Assert.Equal([2, 0, 1], withCommittee.CommitteeMembers.Select(r => r.Women));
        Assert.Equal([2, 0, 3], withCommittee.CommitteeMembers.Select(r => r.Men));
        await RpcAssert.InvalidFields(() => _client.ReportConsultationParticipationAsync(
            new ReportConsultationParticipationRequest { Country = "XX" }).ResponseAsync, "country");
    }

    [Fact]
    public async Task FundingApproved_WithOutcomeAllocations_CountsPerOutcomeAndTheGapOnce()
    {
        var programme = await Lifecycle.WithOutcomeAsync("LKA");
        var outcomeId = Guid.Parse(programme.Priorities[0].Outcomes[0].Id);
        var approved = new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "Netherlands", Guid.Parse(programme.Id), 900_000m, 2008, DateTimeOffset.UtcNow,
            [new FundingAllocation("AsiaPacific", "LKA", null, outcomeId, 2, 600_000m), new FundingAllocation("AsiaPacific", "LKA", null, null, null, 300_000m)],
            ChangedBy: "Approvals officer (hq-17)");
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();

        await bus.Publish(approved, ctx => ctx.MessageId = messageId);
        await bus.Publish(approved, ctx => ctx.MessageId = messageId);

        var funded = await Eventually.Until(() => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "the approval to be counted");
        await Task.Delay(500); // a late duplicate would have landed by now
        funded = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });
        var outcome = funded.Priorities[0].Outcomes[0];
        Assert.Equal(600_000m, ProtoConvert.ToDecimal(outcome.FundingMobilised));
        Assert.Equal(400_000m, ProtoConvert.ToDecimal(outcome.FundingGap));
        Assert.Equal(900_000m, ProtoConvert.ToDecimal(funded.FundingMobilised));
        Assert.Equal(100_000m, ProtoConvert.ToDecimal(funded.FundingGap));
        var history = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id });
        // Applied by partnerships' event, on behalf of the person who recorded the approval there.
        var entry = history.Entries.Single(e => e.Action == "FundingRecorded");
        Assert.Equal("system:partnerships", entry.ChangedBySubject);
        Assert.Equal("partnerships for Approvals officer (hq-17) (Netherlands)", entry.ChangedByName);
    }

    [Fact]
    public async Task ReportFundingGaps_ShowsNeedMobilisedAndGapPerProgrammeAndOutcomeAndPages()
    {
        var programme = await Lifecycle.WithOutcomeAsync("IDN");
        await Lifecycle.RegisterAsync("IDN", 2012, 2015);
        var outcomeId = Guid.Parse(programme.Priorities[0].Outcomes[0].Id);
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new FundingApproved(
            Guid.NewGuid(), Guid.NewGuid(), "Japan", Guid.Parse(programme.Id), 250_000m, 2008, DateTimeOffset.UtcNow,
            [new FundingAllocation(null, "IDN", null, outcomeId, 2, 250_000m)]));
        await Eventually.Until(() => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "the approval to be counted");

        var first = await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { Country = "IDN", PageSize = 1 });
        var second = await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { Country = "IDN", PageSize = 1, PageToken = first.NextPageToken });

        Assert.Equal(2, first.TotalSize);
        Assert.Equal(1_000_000m, ProtoConvert.ToDecimal(first.TotalResourceNeed));
        Assert.Equal(250_000m, ProtoConvert.ToDecimal(first.TotalFundingMobilised));
        var row = Assert.Single(first.Programmes);
        Assert.Equal(programme.Id, row.ProgrammeId);
        Assert.Equal(750_000m, ProtoConvert.ToDecimal(row.FundingGap));
        Assert.Equal(750_000m, ProtoConvert.ToDecimal(Assert.Single(row.Outcomes).FundingGap));
        Assert.Empty(Assert.Single(second.Programmes).Outcomes);
        Assert.Equal("", second.NextPageToken);
        await RpcAssert.InvalidFields(() => _client.ReportFundingGapsAsync(
            new ReportFundingGapsRequest { Status = (ProgrammeStatus)42, PageSize = -3 }).ResponseAsync, "status", "page_size");
    }

    [Fact]
    public async Task FundingApproved_ForNoSingleProgramme_CountsEachAllocatedProgramme()
    {
        var first = await Lifecycle.WithOutcomeAsync("KHM");
        var second = await Lifecycle.RegisterAsync("LAO");
        var approved = new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "RBSA", Guid.Empty, 1_000m, 2008, DateTimeOffset.UtcNow,
        [
            new FundingAllocation(null, "KHM", Guid.Parse(first.Id), Guid.Parse(first.Priorities[0].Outcomes[0].Id), null, 700m),
            new FundingAllocation(null, "LAO", Guid.Parse(second.Id), null, null, 200m),
            new FundingAllocation("AsiaPacific", null, null, null, null, 100m),
        ]);
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(approved);

        var khm = await Eventually.Until(() => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = first.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "KHM funding");
        var lao = await Eventually.Until(() => _client.GetProgrammeAsync(new GetProgrammeRequest { Id = second.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "LAO funding");
        Assert.Equal(700m, ProtoConvert.ToDecimal(khm.FundingMobilised));
        Assert.Equal(700m, ProtoConvert.ToDecimal(khm.Priorities[0].Outcomes[0].FundingMobilised));
        Assert.Equal(200m, ProtoConvert.ToDecimal(lao.FundingMobilised));
    }

    [Fact]
    public async Task JsonRoutes_LifecycleHistoryAndReports()
    {
        var http = fixture.Service.Http;
        var programme = await Lifecycle.RegisterAsync("BGD");
        async Task<JsonElement> Post(string path, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            // Ignored: the author is the token's caller.
            request.Headers.Add("x-user", "json.portal@ilo.org");
            var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var withPriority = await Post($"/v1/programmes/{programme.Id}/priorities", new { title = "Garment sector compliance" });
        var priorityId = withPriority.GetProperty("priorities")[0].GetProperty("id").GetString();
        var withOutcome = await Post($"/v1/programmes/{programme.Id}/outcomes", new
        {
            priorityId, code = "BGD101", statement = "Labour inspection strengthened",
            strategicObjective = "STRATEGIC_OBJECTIVE_STANDARDS_AND_RIGHTS", resourceNeed = new { currencyCode = "USD", units = "2500000" },
        });
        var outcomeId = withOutcome.GetProperty("priorities")[0].GetProperty("outcomes")[0].GetProperty("id").GetString();
        await Post($"/v1/programmes/{programme.Id}/outcomes/{outcomeId}:change", new
        {
            code = "BGD101", statement = "Labour inspection strengthened nationwide",
            strategicObjective = "STRATEGIC_OBJECTIVE_STANDARDS_AND_RIGHTS", resourceNeed = new { currencyCode = "USD", units = "2600000" },
        });
        var consulting = await Post($"/v1/programmes/{programme.Id}:startConsultation", new { });
        Assert.Equal("PROGRAMME_STATUS_IN_CONSULTATION", consulting.GetProperty("status").GetString());
        var consulted = await Post($"/v1/programmes/{programme.Id}/consultations", new
        {
            heldOn = new { year = 2007, month = 10, day = 2 }, place = "Dhaka",
            participants = new[] { new { group = "CONSTITUENT_GROUP_GOVERNMENT", women = 1, men = 4 }, new { group = "CONSTITUENT_GROUP_EMPLOYERS", women = 0, men = 3 }, new { group = "CONSTITUENT_GROUP_WORKERS", women = 2, men = 2 } },
            agreedPriorityIds = new[] { priorityId },
        });
        Assert.Equal("Dhaka", consulted.GetProperty("consultations")[0].GetProperty("place").GetString());
        var linked = await Post($"/v1/programmes/{programme.Id}/national-framework-links", new { kind = "NATIONAL_FRAMEWORK_KIND_PRSP", title = "PRSP II" });
        Assert.Equal("PRSP II", linked.GetProperty("nationalFrameworkLinks")[0].GetProperty("title").GetString());
        var committee = await Post($"/v1/programmes/{programme.Id}:setSteeringCommittee", new
        {
            name = "NTSC", members = new[] { new { group = "CONSTITUENT_GROUP_WORKERS", women = 2, men = 1 } },
        });
        Assert.Equal("NTSC", committee.GetProperty("steeringCommittee").GetProperty("name").GetString());
        var submitted = await Post($"/v1/programmes/{programme.Id}:submitForQualityAssurance", new { });
        Assert.Equal("PROGRAMME_STATUS_UNDER_QUALITY_ASSURANCE", submitted.GetProperty("status").GetString());

        var history = await http.GetFromJsonAsync<JsonElement>($"/v1/programmes/{programme.Id}/history?pageSize=50");
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(9, entries.Count);
        var author = await fixture.Service.DisplayOfAsync(TestCaller.ProgrammeStaff);
        Assert.All(entries, e => Assert.Equal(author, e.GetProperty("changedBy").GetString()));
        Assert.All(entries, e => Assert.Equal(TestCaller.ProgrammeStaff.Name, e.GetProperty("changedByName").GetString()));

        var byStatus = await http.GetFromJsonAsync<JsonElement>("/v1/programmes:reportByStatus?region=ILO_REGION_ASIA_PACIFIC");
        Assert.Contains(byStatus.GetProperty("rows").EnumerateArray(), r => r.GetProperty("status").GetString() == "PROGRAMME_STATUS_UNDER_QUALITY_ASSURANCE");
        Assert.True(byStatus.GetProperty("inPreparationCount").GetInt32() >= 1, byStatus.ToString());
        var gaps = await http.GetFromJsonAsync<JsonElement>("/v1/programmes:reportFundingGaps?country=BGD");
        Assert.Equal("2600000", gaps.GetProperty("programmes")[0].GetProperty("fundingGap").GetProperty("units").ToString());
        var participation = await http.GetFromJsonAsync<JsonElement>("/v1/programmes:reportConsultationParticipation?country=BGD");
        Assert.Equal(4, participation.GetProperty("rows")[0].GetProperty("men").GetInt32());
        var byObjective = await http.GetFromJsonAsync<JsonElement>("/v1/programmes:reportOutcomesByStrategicObjective?country=BGD");
        Assert.Equal("2600000", byObjective.GetProperty("rows")[0].GetProperty("resourceNeed").GetProperty("units").ToString()); // a number or a string, as the transcoder chooses

        var early = await http.PostAsJsonAsync($"/v1/programmes/{programme.Id}:approve", new { });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var outOfOrder = await http.PostAsJsonAsync($"/v1/programmes/{programme.Id}:complete", new { });
        Assert.Equal(HttpStatusCode.BadRequest, outOfOrder.StatusCode);
        Assert.Contains("must be Active", await outOfOrder.Content.ReadAsStringAsync());
    }
}
