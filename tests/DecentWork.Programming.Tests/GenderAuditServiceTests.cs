using System.Net;
using System.Net.Http.Json;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Programming.Tests;

public class GenderAuditServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private ProgrammingService.ProgrammingServiceClient As(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    private static RecordGenderAuditRequest Audit(string country, params string[] programmeIds) => new()
    {
        CountryCode = country, Title = "Participatory gender audit with the ILO constituents", HeldOn = ProtoConvert.ToDate(new DateOnly(2008, 5, 20)),
        Participants = { new ConsultationParticipation { Group = ConstituentGroup.Government, Women = 4, Men = 2 },
                         new ConsultationParticipation { Group = ConstituentGroup.Workers, Women = 3, Men = 3 } },
        Findings = { new GenderAuditFinding { Kind = GenderAuditFindingKind.GoodPractice, Text = "Gender focal points in the ministry" } },
        ProgrammeIds = { programmeIds },
    };

    [Fact]
    public async Task RecordGenderAudit_WithItsProgramme_IsListedByCountryAndProgramme()
    {
        var programme = await Lifecycle.RegisterAsync("KGZ");
        var audit = await _client.RecordGenderAuditAsync(Audit("kgz", programme.Id));
        await _client.RecordGenderAuditAsync(Audit("KGZ"));
        await _client.RecordGenderAuditAsync(Audit("MOZ"));

        var added = await _client.AddGenderAuditFindingAsync(new AddGenderAuditFindingRequest
        {
            GenderAuditId = audit.Id, ExpectedVersion = audit.Version,
            Finding = new GenderAuditFinding { Kind = GenderAuditFindingKind.AreaForStrengthening, Text = "Sex-disaggregated labour statistics" },
        });

        Assert.Equal(("KGZ", IloRegion.EuropeCentralAsia, 2), (added.CountryCode, added.Region, added.Findings.Count));
        Assert.Equal([programme.Id], added.ProgrammeIds);
        Assert.Equal(added, await _client.GetGenderAuditAsync(new GetGenderAuditRequest { Id = audit.Id }));
        Assert.Equal(2, (await _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { Country = "KGZ" })).TotalSize);
        var informing = await _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { ProgrammeId = programme.Id });
        Assert.Equal([audit.Id], informing.GenderAudits.Select(a => a.Id));
        var json = await fixture.Service.Http.GetAsync("/v1/gender-audits?country=MOZ");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(1, (await json.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task LinkGenderAuditToProgramme_WhenTheProgrammeIsOfAnotherCountry_IsAFailedPrecondition()
    {
        var audit = await _client.RecordGenderAuditAsync(Audit("YEM"));
        var elsewhere = await Lifecycle.RegisterAsync("OMN");
        var own = await Lifecycle.RegisterAsync("YEM");

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.LinkGenderAuditToProgrammeAsync(
            new LinkGenderAuditToProgrammeRequest { GenderAuditId = audit.Id, ProgrammeId = elsewhere.Id }).ResponseAsync);
        var linked = await _client.LinkGenderAuditToProgrammeAsync(new LinkGenderAuditToProgrammeRequest { GenderAuditId = audit.Id, ProgrammeId = own.Id });
        var again = await _client.LinkGenderAuditToProgrammeAsync(new LinkGenderAuditToProgrammeRequest { GenderAuditId = audit.Id, ProgrammeId = own.Id });
        Assert.Equal([own.Id], again.ProgrammeIds);
        Assert.Equal(linked.ProgrammeIds, again.ProgrammeIds);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.LinkGenderAuditToProgrammeAsync(
            new LinkGenderAuditToProgrammeRequest { GenderAuditId = audit.Id, ProgrammeId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.AddGenderAuditFindingAsync(new AddGenderAuditFindingRequest
        {
            GenderAuditId = audit.Id, ExpectedVersion = audit.Version + 9, Finding = new GenderAuditFinding { Kind = GenderAuditFindingKind.GoodPractice, Text = "x" },
        }).ResponseAsync);
    }

    [Fact]
    public async Task GenderAudits_ForACountryOfficeOfAnotherCountry_AreHidden()
    {
        var audit = await _client.RecordGenderAuditAsync(Audit("TZA"));
        var office = As(TestCaller.CountryOffice("KEN"));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.GetGenderAuditAsync(new GetGenderAuditRequest { Id = audit.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.AddGenderAuditFindingAsync(new AddGenderAuditFindingRequest
        {
            GenderAuditId = audit.Id, Finding = new GenderAuditFinding { Kind = GenderAuditFindingKind.GoodPractice, Text = "not ours" },
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => office.RecordGenderAuditAsync(Audit("TZA")).ResponseAsync);
        Assert.Equal(0, (await office.ListGenderAuditsAsync(new ListGenderAuditsRequest { Country = "TZA" })).TotalSize);
        var own = await office.RecordGenderAuditAsync(Audit("KEN"));
        Assert.Equal([own.Id], (await office.ListGenderAuditsAsync(new ListGenderAuditsRequest())).GenderAudits.Select(a => a.Id));
        var hidden = await Lifecycle.RegisterAsync("UGA");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => As(TestCaller.CountryOffice("KEN", "TZA")).RecordGenderAuditAsync(Audit("TZA", hidden.Id)).ResponseAsync);
    }

    [Fact]
    public async Task RecordGenderAudit_WhenEveryFieldIsWrong_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.RecordGenderAuditAsync(new RecordGenderAuditRequest
        {
            CountryCode = "XXX", Findings = { new GenderAuditFinding() }, ProgrammeIds = { "nope" },
        }).ResponseAsync, "country_code", "title", "held_on", "participants", "findings[0].kind", "findings[0].text", "programme_ids[0]");
        var future = Audit("KGZ");
        future.HeldOn = ProtoConvert.ToDate(new DateOnly(2090, 1, 1));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordGenderAuditAsync(future).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.AddGenderAuditFindingAsync(new AddGenderAuditFindingRequest { GenderAuditId = "x" }).ResponseAsync,
            "gender_audit_id", "finding");
        await RpcAssert.InvalidFields(() => _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { Country = "XX", ProgrammeId = "p", Region = (IloRegion)77 }).ResponseAsync,
            "country", "region", "programme_id");
        await RpcAssert.InvalidFields(() => _client.GetGenderAuditAsync(new GetGenderAuditRequest { Id = "x" }).ResponseAsync, "id");
        await RpcAssert.InvalidFields(() => _client.LinkGenderAuditToProgrammeAsync(new LinkGenderAuditToProgrammeRequest()).ResponseAsync, "gender_audit_id", "programme_id");
    }
}
