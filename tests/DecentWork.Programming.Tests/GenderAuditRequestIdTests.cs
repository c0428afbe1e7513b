using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Programming.Tests;

/// <summary>RecordGenderAudit's request id (AIP-155): a client's retry returns the first audit and records nothing twice.</summary>
public class GenderAuditRequestIdTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);

    private static RecordGenderAuditRequest Audit(string country, string requestId, string title = "Participatory gender audit of the labour ministry") => new()
    {
        CountryCode = country, Title = title, HeldOn = ProtoConvert.ToDate(new DateOnly(2008, 3, 11)), RequestId = requestId,
        Participants = { new ConsultationParticipation { Group = ConstituentGroup.Employers, Women = 2, Men = 5 } },
    };

    private async Task<int> CountIn(string country) => (await _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { Country = country })).TotalSize;

    [Fact]
    public async Task RecordGenderAudit_WhenRetriedWithTheSameRequestId_ReturnsTheFirstAuditAndRecordsOnce()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await _client.RecordGenderAuditAsync(Audit("LSO", requestId));
        var added = await _client.AddGenderAuditFindingAsync(new AddGenderAuditFindingRequest
        {
            GenderAuditId = first.Id, Finding = new GenderAuditFinding { Kind = GenderAuditFindingKind.GoodPractice, Text = "A gender desk" },
        });
        // Trimmed title, another caller: still the same request.
        var repeat = await new ProgrammingService.ProgrammingServiceClient(fixture.Service.ChannelFor(TestCaller.CountryOffice("LSO")))
            .RecordGenderAuditAsync(Audit("lso", requestId, "  Participatory gender audit of the labour ministry "));
        await _client.RecordGenderAuditAsync(Audit("LSO", ""));

        Assert.Equal((first.Id, requestId, added.Version, 1), (repeat.Id, repeat.RequestId, repeat.Version, repeat.Findings.Count));
        Assert.Equal(2, await CountIn("LSO"));
        var found = await _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { RequestId = requestId });
        Assert.Equal([first.Id], found.GenderAudits.Select(a => a.Id));
        Assert.Empty((await _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { RequestId = "never-used" })).GenderAudits);
    }

    [Fact]
    public async Task RecordGenderAudit_WhenTheRequestIdIsReusedForOtherContent_IsAlreadyExistsNamingTheAudit()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await _client.RecordGenderAuditAsync(Audit("SWZ", requestId));

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.RecordGenderAuditAsync(Audit("SWZ", requestId, "Another audit")).ResponseAsync);

        Assert.Contains(first.Id, error.Status.Detail);
        Assert.Equal(1, await CountIn("SWZ"));
    }

    [Fact]
    public async Task RecordGenderAudit_WhenCallsWithOneRequestIdRace_StoresOneAudit()
    {
        var requestId = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _client.RecordGenderAuditAsync(Audit("NAM", requestId)).ResponseAsync));

        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Equal(1, await CountIn("NAM"));
    }

    [Fact]
    public async Task RecordGenderAuditAndList_WhenTheRequestIdIsMalformed_NameTheField()
    {
        await RpcAssert.InvalidFields(() => _client.RecordGenderAuditAsync(Audit("NAM", "has spaces")).ResponseAsync, "request_id");
        await RpcAssert.InvalidFields(() => _client.ListGenderAuditsAsync(new ListGenderAuditsRequest { RequestId = new string('x', 65) }).ResponseAsync, "request_id");
    }
}
