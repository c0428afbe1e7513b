using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Tests;

/// <summary>RBSA over gRPC and JSON. Each test uses its own biennium.</summary>
public class RbsaServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task Contribute(decimal amount, int year, FundingSource source = FundingSource.Rbsa)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Netherlands"));
        var request = new RecordFundingApprovalRequest { PartnerId = partner.Id, Year = year, Source = source, Amount = ProtoConvert.ToMoney(amount) };
        request.Allocations.Add(new FundingAllocation { Amount = ProtoConvert.ToMoney(amount) });
        await _client.RecordFundingApprovalAsync(request);
    }

    private static AllocateRbsaRequest Allocate(int biennium, decimal amount, Region region = Region.Africa, long expectedVersion = 0) => new()
    {
        BienniumStartYear = biennium, Amount = ProtoConvert.ToMoney(amount), Region = region, ExpectedVersion = expectedVersion,
    };

    [Fact]
    public async Task AllocateRbsa_UpToTheBienniumsContributions_GivesRbsaByRegion()
    {
        // The paper: US$44 million of RBSA for 2008-09, US$22 million of it for Africa.
        await Contribute(20_000_000m, 2008);
        await Contribute(24_000_000m, 2009);
        await Contribute(99_000_000m, 2009, FundingSource.ExtraBudgetary);
        await Contribute(5_000_000m, 2010);

        await _client.AllocateRbsaAsync(Allocate(2008, 22_000_000m));
        await _client.AllocateRbsaAsync(Allocate(2008, 12_000_000m, Region.AsiaPacific, expectedVersion: 1));
        var pool = await _client.AllocateRbsaAsync(Allocate(2008, 10_000_000m, Region.Americas));

        Assert.Equal((44_000_000m, 44_000_000m, 0m, 3L), (ProtoConvert.ToDecimal(pool.Contributed), ProtoConvert.ToDecimal(pool.Allocated),
            ProtoConvert.ToDecimal(pool.Unallocated), pool.Version));
        var allocator = await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller);
        Assert.All(pool.Allocations, a => Assert.Equal(allocator, a.AllocatedBy));
        Assert.Equal(("ILO_REGION_AFRICA", "Africa", "50.00"), (pool.ByRegion[0].Key, pool.ByRegion[0].Label, pool.ByRegion[0].SharePercent));
        Assert.Equal(pool, await _client.GetRbsaPoolAsync(new GetRbsaPoolRequest { BienniumStartYear = 2008 }));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.AllocateRbsaAsync(Allocate(2008, 0.01m)).ResponseAsync);
        Assert.Contains("exceed", error.Status.Detail);
    }

    [Fact]
    public async Task AllocateRbsa_WhenTheFirstAllocationsOfABienniumRace_KeepsEveryOne()
    {
        await Contribute(6_000m, 2020);

        // Six first allocations at once: they race to open the biennium's pool (one key), and every
        // loser allocates again from the winner's pool instead of being answered ABORTED.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _client.AllocateRbsaAsync(Allocate(2020, 1_000m)).ResponseAsync));

        var pool = await _client.GetRbsaPoolAsync(new GetRbsaPoolRequest { BienniumStartYear = 2020 });
        Assert.Equal((6, 6L, 6_000m, 0m), (pool.Allocations.Count, pool.Version, ProtoConvert.ToDecimal(pool.Allocated), ProtoConvert.ToDecimal(pool.Unallocated)));
    }

    [Fact]
    public async Task AllocateRbsa_WhenTheVersionIsStale_IsAborted()
    {
        await Contribute(10m, 2012);
        await _client.AllocateRbsaAsync(Allocate(2012, 1m));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.AllocateRbsaAsync(Allocate(2012, 1m, expectedVersion: 5)).ResponseAsync);
    }

    [Fact]
    public async Task AllocateRbsa_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.AllocateRbsaAsync(new AllocateRbsaRequest
        {
            BienniumStartYear = 2009, Region = (Region)9, OutcomeId = "o", StrategicObjective = 7, Note = new string('n', 2001), ExpectedVersion = -1,
        }).ResponseAsync, "biennium_start_year", "region", "outcome_id", "strategic_objective", "amount", "note", "expected_version");

    [Fact]
    public async Task GetRbsaPool_WhenNothingIsAllocated_IsAnEmptyPoolOverTheContributions()
    {
        await Contribute(7.5m, 2015);

        var http = fixture.Service.JsonClient();
        var pool = await http.GetFromJsonAsync<JsonElement>("/v1/funding-approvals/rbsa:pool?bienniumStartYear=2014");

        Assert.Equal("7", pool.GetProperty("contributed").GetProperty("units").ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/v1/funding-approvals/rbsa:pool?bienniumStartYear=2015")).StatusCode);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenRbsaNamesNoProgrammeOrAllocation_CountsInThePoolButOtherMoneyIsInvalid()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Netherlands"));
        var rbsa = await _client.RecordFundingApprovalAsync(new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = 2017, Source = FundingSource.Rbsa, Amount = ProtoConvert.ToMoney(44_000_000m),
        });

        Assert.Equal(("", Earmarking.Unearmarked, "", 44_000_000m), (rbsa.ProgrammeId, rbsa.Earmarking, rbsa.Allocations.Single().ProgrammeId,
            ProtoConvert.ToDecimal(rbsa.Allocations.Single().Amount)));
        var pool = await _client.AllocateRbsaAsync(Allocate(2016, 22_000_000m));
        Assert.Equal((44_000_000m, 22_000_000m), (ProtoConvert.ToDecimal(pool.Contributed), ProtoConvert.ToDecimal(pool.Unallocated)));
        Assert.Equal(("ILO_REGION_AFRICA", 1, "100.00"), (pool.ByRegion.Single().Key, pool.ByRegion.Single().Rank, pool.ByRegion.Single().SharePercent));

        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = 2017, Source = FundingSource.ExtraBudgetary, Amount = ProtoConvert.ToMoney(1m),
        }).ResponseAsync, "programme_id");
    }
}
