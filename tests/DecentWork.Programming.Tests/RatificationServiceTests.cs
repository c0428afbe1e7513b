using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Programming.Tests;

public class RatificationServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private ProgrammingService.ProgrammingServiceClient As(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    private static TargetRatificationRequest Target(int convention, string country) => new()
    {
        ConventionNumber = convention, CountryCode = country, Campaign = "Targeted regional approach, funded by France",
        SupportingProjectCode = "RAF/07/01/FRA", PartnerId = Guid.NewGuid().ToString(), PartnerName = "France",
        TargetedOn = ProtoConvert.ToDate(new DateOnly(2007, 3, 1)),
    };

    [Fact]
    public async Task ReportRatificationTargets_AfterARatification_CountsRatifiedAndPendingByConvention()
    {
        // In the Americas: the other tests of this class target African countries.
        var haiti = await _client.TargetRatificationAsync(Target(144, "HTI"));
        await _client.TargetRatificationAsync(Target(144, "BOL"));
        await _client.TargetRatificationAsync(Target(122, "BOL"));

        var ratified = await _client.RecordRatificationAsync(new RecordRatificationRequest
        {
            RatificationTargetId = haiti.Id, RatifiedOn = ProtoConvert.ToDate(new DateOnly(2008, 9, 1)), ExpectedVersion = haiti.Version,
        });

        Assert.Equal(new DateOnly(2008, 9, 1), ProtoConvert.ToDateOnly(ratified.RatifiedOn));
        var report = await _client.ReportRatificationTargetsAsync(new ReportRatificationTargetsRequest { Region = IloRegion.Americas });
        var c144 = Assert.Single(report.Rows, r => r.ConventionNumber == 144);
        Assert.Equal((2, 1, 1), (c144.TargetedCount, c144.RatifiedCount, c144.PendingCount));
        Assert.Equal(["HTI"], c144.RatifiedCountries);
        Assert.Equal(["BOL"], c144.PendingCountries);
        var pending = await _client.ListRatificationTargetsAsync(new ListRatificationTargetsRequest { State = RatificationState.Pending, Country = "BOL" });
        Assert.Equal([122, 144], pending.RatificationTargets.Select(t => t.ConventionNumber));
        var json = await fixture.Service.Http.GetFromJsonAsync<JsonElement>("/v1/ratification-targets:report");
        Assert.True(json.GetProperty("rows").GetArrayLength() >= 2);
        var posted = await fixture.Service.Http.PostAsJsonAsync("/v1/ratification-targets",
            new { conventionNumber = 122, countryCode = "BEN", supportingProjectCode = "RAF/07/01/FRA", targetedOn = new { year = 2007, month = 3, day = 1 } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task TargetRatification_WhenTheCountryIsAlreadyTargetedForTheConvention_AlreadyExists()
    {
        await _client.TargetRatificationAsync(Target(144, "BFA"));
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.TargetRatificationAsync(Target(144, "bfa")).ResponseAsync);
        await _client.TargetRatificationAsync(Target(122, "BFA"));
    }

    [Fact]
    public async Task RecordRatification_WhenAlreadyRatifiedOrBeforeTheTarget_IsAFailedPrecondition()
    {
        var target = await _client.TargetRatificationAsync(Target(144, "TGO"));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordRatificationAsync(new RecordRatificationRequest
        {
            RatificationTargetId = target.Id, RatifiedOn = ProtoConvert.ToDate(new DateOnly(2006, 1, 1)),
        }).ResponseAsync);
        await _client.RecordRatificationAsync(new RecordRatificationRequest { RatificationTargetId = target.Id, RatifiedOn = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)) });
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordRatificationAsync(new RecordRatificationRequest
        {
            RatificationTargetId = target.Id, RatifiedOn = ProtoConvert.ToDate(new DateOnly(2009, 1, 1)),
        }).ResponseAsync);
    }

    [Fact]
    public async Task RatificationTargets_ForACountryOfficeOfAnotherCountry_AreHidden()
    {
        var target = await _client.TargetRatificationAsync(Target(144, "NER"));
        var office = As(TestCaller.CountryOffice("CIV"));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.RecordRatificationAsync(new RecordRatificationRequest
        {
            RatificationTargetId = target.Id, RatifiedOn = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)),
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => office.TargetRatificationAsync(Target(122, "NER")).ResponseAsync);
        Assert.Equal(0, (await office.ListRatificationTargetsAsync(new ListRatificationTargetsRequest())).TotalSize);
        Assert.Empty((await office.ReportRatificationTargetsAsync(new ReportRatificationTargetsRequest())).Rows);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => As(TestCaller.Auditor).TargetRatificationAsync(Target(122, "NER")).ResponseAsync);
    }

    [Fact]
    public async Task RatificationRpcs_WhenEveryFieldIsWrong_ListEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.TargetRatificationAsync(new TargetRatificationRequest
        {
            ConventionNumber = 500, CountryCode = "ZZZ", SupportingProjectId = "p", PartnerId = "q", Campaign = new string('c', 301), PartnerName = new string('n', 201),
        }).ResponseAsync, "convention_number", "country_code", "campaign", "supporting_project_id", "partner_id", "partner_name", "targeted_on");
        await RpcAssert.InvalidFields(() => _client.TargetRatificationAsync(new TargetRatificationRequest
        {
            ConventionNumber = 144, CountryCode = "SEN", TargetedOn = ProtoConvert.ToDate(new DateOnly(2007, 1, 1)),
        }).ResponseAsync, "supporting_project_code");
        await RpcAssert.InvalidFields(() => _client.RecordRatificationAsync(new RecordRatificationRequest { RatificationTargetId = "x", ExpectedVersion = -1 }).ResponseAsync,
            "ratification_target_id", "ratified_on", "expected_version");
        await RpcAssert.InvalidFields(() => _client.ListRatificationTargetsAsync(new ListRatificationTargetsRequest
        {
            ConventionNumber = -1, Country = "Q", Region = (IloRegion)50, State = (RatificationState)9, PageSize = -1,
        }).ResponseAsync, "convention_number", "country", "region", "state", "page_size");
        await RpcAssert.InvalidFields(() => _client.ReportRatificationTargetsAsync(new ReportRatificationTargetsRequest { Country = "Q" }).ResponseAsync, "country");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.RecordRatificationAsync(new RecordRatificationRequest
        {
            RatificationTargetId = Guid.NewGuid().ToString(), RatifiedOn = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)),
        }).ResponseAsync);
    }
}
