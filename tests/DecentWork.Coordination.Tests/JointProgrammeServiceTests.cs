using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>Joint programme RPCs over real gRPC, and the JointProgrammeApproved they publish through the outbox.</summary>
public class JointProgrammeServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private static RegisterJointProgrammeRequest Request(string title = "Youth employment in Albania") => new()
    {
        Title = title, Fund = "MDG Achievement Fund", ThematicWindow = "Youth, employment and migration", CountryCodes = { "ALB" }, LeadAgency = "ILO",
        Agencies =
        {
            new ParticipatingAgency { Agency = "ILO", BudgetShare = ProtoConvert.ToMoney(1_500_000.25m) },
            new ParticipatingAgency { Agency = "unicef", BudgetShare = ProtoConvert.ToMoney(500_000m) },
        },
    };

    private Task<JointProgramme> ApproveAsync(string id, long expectedVersion = 0) => _client.ApproveJointProgrammeAsync(new ApproveJointProgrammeRequest
    {
        Id = id, ApprovedOn = new Google.Type.Date { Year = 2008, Month = 2, Day = 20 }, ExpectedVersion = expectedVersion,
    }).ResponseAsync;

    [Fact]
    public async Task ApproveJointProgramme_WhenAProposal_ApprovesAndPublishesTheOrganisationsShareAndApproverOnce()
    {
        var proposal = await _client.RegisterJointProgrammeAsync(Request());
        Assert.Equal((JointProgrammeStatus.Proposal, "UNICEF"), (proposal.Status, proposal.Agencies[1].Agency));
        var received = new List<JointProgrammeApproved>();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var endpoint = bus.ConnectReceiveEndpoint($"test-joint-programme-approved-{Guid.NewGuid():N}", e => e.Handler<JointProgrammeApproved>(ctx =>
        {
            lock (received) received.Add(ctx.Message);
            return Task.CompletedTask;
        }));
        await endpoint.Ready;

        var approved = await ApproveAsync(proposal.Id, expectedVersion: proposal.Version);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ApproveAsync(proposal.Id));

        Assert.Equal((JointProgrammeStatus.Approved, 2008, 2L), (approved.Status, approved.ApprovedOn.Year, approved.Version));
        var message = await Eventually.Until(() => Task.FromResult(received.SingleOrDefault(m => m.JointProgrammeId.ToString() == proposal.Id)),
            m => m is not null, what: "JointProgrammeApproved");
        Assert.Equal((1_500_000.25m, "ILO", "MDG Achievement Fund"), (message!.OrganisationShareUsd, message.LeadAgency, message.Fund));
        Assert.Equal(await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller), message.ChangedBy);
        await Task.Delay(300);
        Assert.Single(received, m => m.JointProgrammeId.ToString() == proposal.Id);
        await endpoint.StopAsync();
    }

    [Fact]
    public async Task ApproveJointProgramme_WhenAnotherCallerApproves_NamesThatCallerFromTheToken()
    {
        var focalPoint = new TestCaller("UNDG focal point", [DecentWork.ServiceDefaults.Security.Roles.UnCoordination]);
        var client = new CoordinationService.CoordinationServiceClient(fixture.Service.ChannelFor(focalPoint));
        var proposal = await _client.RegisterJointProgrammeAsync(Request("Approved by the focal point"));
        var received = new List<JointProgrammeApproved>();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var endpoint = bus.ConnectReceiveEndpoint($"test-joint-programme-approver-{Guid.NewGuid():N}", e => e.Handler<JointProgrammeApproved>(ctx =>
        {
            lock (received) received.Add(ctx.Message);
            return Task.CompletedTask;
        }));
        await endpoint.Ready;
        try
        {
            // x-user names someone else: the author still comes from the token alone.
            await client.ApproveJointProgrammeAsync(new ApproveJointProgrammeRequest
            {
                Id = proposal.Id, ApprovedOn = new Google.Type.Date { Year = 2008, Month = 2, Day = 20 },
            }, new Metadata { { "x-user", "someone-else" } });

            var message = await Eventually.Until(() => Task.FromResult(received.SingleOrDefault(m => m.JointProgrammeId.ToString() == proposal.Id)),
                m => m is not null, what: "JointProgrammeApproved");
            Assert.Equal(await fixture.Service.DisplayOfAsync(focalPoint), message!.ChangedBy);
        }
        finally
        {
            await endpoint.StopAsync();
        }
    }

    [Fact]
    public async Task ApproveJointProgramme_WhenStaleUnknownOrMalformed_IsAbortedNotFoundOrInvalid()
    {
        var proposal = await _client.RegisterJointProgrammeAsync(Request("Stale"));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => ApproveAsync(proposal.Id, expectedVersion: 7));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => ApproveAsync(Guid.NewGuid().ToString()));
        await RpcAssert.InvalidFields(() => _client.ApproveJointProgrammeAsync(new ApproveJointProgrammeRequest { Id = "x", ExpectedVersion = -1 }).ResponseAsync,
            "id", "approved_on", "expected_version");
        Assert.Equal(JointProgrammeStatus.Proposal, (await _client.GetJointProgrammeAsync(new GetJointProgrammeRequest { Id = proposal.Id })).Status);
    }

    [Fact]
    public async Task RegisterJointProgramme_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = new RegisterJointProgrammeRequest
        {
            Title = " ", Fund = "", ThematicWindow = new string('w', 201), CountryCodes = { "XXX", "ALB", "alb" }, LeadAgency = "WHO",
            Agencies =
            {
                new ParticipatingAgency { Agency = "F", BudgetShare = ProtoConvert.ToMoney(1m, "EUR") },
                new ParticipatingAgency { Agency = "FAO", BudgetShare = ProtoConvert.ToMoney(-1m) },
            },
        };
        await RpcAssert.InvalidFields(() => _client.RegisterJointProgrammeAsync(request).ResponseAsync,
            "title", "fund", "thematic_window", "country_codes[0]", "country_codes[2]", "agencies[0].agency", "agencies[0].budget_share",
            "agencies[1].budget_share", "agencies", "lead_agency");
    }

    [Fact]
    public async Task ListJointProgrammes_FiltersByStatusAndPagesInRegistrationOrder()
    {
        var first = await _client.RegisterJointProgrammeAsync(Request("First"));
        var second = await _client.RegisterJointProgrammeAsync(Request("Second"));
        await ApproveAsync(second.Id);

        var approved = await _client.ListJointProgrammesAsync(new ListJointProgrammesRequest { Status = JointProgrammeStatus.Approved, PageSize = 200 });
        Assert.Contains(approved.JointProgrammes, j => j.Id == second.Id);
        Assert.DoesNotContain(approved.JointProgrammes, j => j.Id == first.Id);

        var all = await _client.ListJointProgrammesAsync(new ListJointProgrammesRequest { PageSize = 200 });
        var ids = all.JointProgrammes.Select(j => j.Id).ToList();
        Assert.True(ids.IndexOf(first.Id) < ids.IndexOf(second.Id));
        var page = await _client.ListJointProgrammesAsync(new ListJointProgrammesRequest { PageSize = 1 });
        Assert.Equal((1, all.TotalSize), (page.JointProgrammes.Count, page.TotalSize));
        Assert.NotEqual("", page.NextPageToken);
        await RpcAssert.InvalidFields(() => _client.ListJointProgrammesAsync(new ListJointProgrammesRequest { Status = (JointProgrammeStatus)9, PageToken = "bad" }).ResponseAsync,
            "status", "page_token");
    }

    [Fact]
    public async Task JsonRoutes_RegisterApproveAndGetJointProgramme()
    {
        using var http = fixture.Service.JsonClient();
        var created = await http.PostAsJsonAsync("/v1/joint-programmes", new
        {
            title = "Youth employment in Peru", fund = "MDG Achievement Fund", countryCodes = new[] { "PER" }, leadAgency = "ILO",
            agencies = new[] { new { agency = "ILO", budgetShare = new { currencyCode = "USD", units = "2000000" } } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var approved = await http.PostAsJsonAsync($"/v1/joint-programmes/{id}:approve", new { approvedOn = new { year = 2008, month = 6, day = 1 } });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var got = await http.GetFromJsonAsync<JsonElement>($"/v1/joint-programmes/{id}");
        Assert.Equal("JOINT_PROGRAMME_STATUS_APPROVED", got.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/v1/joint-programmes/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task SummariseJointProgrammes_CountsOnlyThisFundsApprovedOnesAndWhereTheOrganisationLeads()
    {
        // A fund no other test uses, so the counts are exact.
        var fund = $"Fund {Guid.NewGuid():N}";
        var led = await _client.RegisterJointProgrammeAsync(Request("Led").Clone().With(r => { r.Fund = fund; r.CountryCodes.Add("CRI"); }));
        var notLed = await _client.RegisterJointProgrammeAsync(Request("Not led").Clone().With(r => { r.Fund = fund; r.LeadAgency = "UNICEF"; }));
        await _client.RegisterJointProgrammeAsync(Request("Proposal").Clone().With(r => r.Fund = fund));
        await ApproveAsync(led.Id);
        await ApproveAsync(notLed.Id);

        var summary = await _client.SummariseJointProgrammesAsync(new SummariseJointProgrammesRequest { Fund = fund.ToUpperInvariant() });

        Assert.Equal((2, 2, 1), (summary.ApprovedCount, summary.CountryCount, summary.ProposalCount));
        Assert.Equal([led.Id], summary.LedByOrganisation.Select(j => j.Id));
        Assert.Equal(3_000_000.50m, ProtoConvert.ToDecimal(summary.OrganisationShare));
        Assert.Equal((1, "ALB,CRI"), (summary.LedCount, string.Join(",", summary.LedCountryCodes)));
    }

    [Fact]
    public async Task SummariseJointProgrammes_WhenFilteredByThematicWindow_CountsOnlyThatWindow_AlsoAsJson()
    {
        var fund = $"Fund {Guid.NewGuid():N}";
        var youth = await _client.RegisterJointProgrammeAsync(Request("Youth").Clone().With(r => { r.Fund = fund; r.CountryCodes[0] = "PER"; }));
        var gender = await _client.RegisterJointProgrammeAsync(Request("Gender").Clone().With(r => { r.Fund = fund; r.ThematicWindow = "Gender equality and women's empowerment"; r.CountryCodes[0] = "VNM"; }));
        await ApproveAsync(youth.Id);
        await ApproveAsync(gender.Id);

        var summary = await _client.SummariseJointProgrammesAsync(new SummariseJointProgrammesRequest { Fund = fund, ThematicWindow = "youth, employment and migration" });

        Assert.Equal((1, 1, 1), (summary.ApprovedCount, summary.CountryCount, summary.LedCount));
        Assert.Equal("PER", string.Join(",", summary.LedCountryCodes));
        using var http = fixture.Service.JsonClient();
        var json = await http.GetFromJsonAsync<JsonElement>($"/v1/joint-programmes/reports/summary?fund={Uri.EscapeDataString(fund)}");
        Assert.Equal((2, 2, "PER"), (json.GetProperty("approvedCount").GetInt32(), json.GetProperty("ledCount").GetInt32(), json.GetProperty("ledCountryCodes")[0].GetString()));
    }

    private Task<JointProgramme> ChangeStatusAsync(string id, JointProgrammeStatus status, long expectedVersion = 0) =>
        _client.ChangeJointProgrammeStatusAsync(new ChangeJointProgrammeStatusRequest { Id = id, Status = status, ExpectedVersion = expectedVersion }).ResponseAsync;

    [Fact]
    public async Task ChangeJointProgrammeStatus_WhenApproved_MovesOnAndRefusesWhatIsOutOfOrder()
    {
        var programme = await _client.RegisterJointProgrammeAsync(Request("Status"));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ChangeStatusAsync(programme.Id, JointProgrammeStatus.Ongoing));
        var approved = await ApproveAsync(programme.Id);

        var ongoing = await ChangeStatusAsync(programme.Id, JointProgrammeStatus.Ongoing, expectedVersion: approved.Version);
        Assert.Equal((JointProgrammeStatus.Ongoing, approved.Version + 1), (ongoing.Status, ongoing.Version));
        Assert.Equal(ongoing, await ChangeStatusAsync(programme.Id, JointProgrammeStatus.Ongoing));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => ChangeStatusAsync(programme.Id, JointProgrammeStatus.Closed, expectedVersion: approved.Version));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => ChangeStatusAsync(Guid.NewGuid().ToString(), JointProgrammeStatus.Closed));
        await RpcAssert.InvalidFields(() => ChangeStatusAsync("x", JointProgrammeStatus.Unspecified, -1), "id", "status", "expected_version");
    }
}

internal static class RequestExtensions
{
    public static T With<T>(this T request, Action<T> change)
    {
        change(request);
        return request;
    }
}
