using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// RecordFundingApproval and AllocateRbsa against the programmes and outcomes programming announced,
/// made known by publishing programming's events through this service's own bus.
/// </summary>
public class FundingTargetServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<RecordFundingApprovalRequest> Request(string? programmeId, params FundingAllocation[] allocations)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, ProgrammeId = programmeId ?? "", Year = 2008,
            Amount = ProtoConvert.ToMoney(allocations.Length == 0 ? 100m : allocations.Sum(a => ProtoConvert.ToDecimal(a.Amount))),
        };
        request.Allocations.AddRange(allocations);
        return request;
    }

    private static FundingAllocation Part(decimal amount, string programme = "", string outcome = "", string country = "") =>
        new() { Amount = ProtoConvert.ToMoney(amount), ProgrammeId = programme, OutcomeId = outcome, CountryCode = country };

    private async Task<int> StoredFor(RecordFundingApprovalRequest request) =>
        (await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = request.PartnerId })).TotalSize;

    [Fact]
    public async Task RecordFundingApproval_WhenTheProgrammeIsUnknown_FailsThePreconditionAndStoresNothing()
    {
        var unknown = Guid.NewGuid().ToString();
        var request = await Request(unknown);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);

        Assert.Equal($"Programme '{unknown}' is not known to partnerships: programming has not announced it (yet). A programme registered " +
            "in programming becomes known here within moments; register it there first, or retry shortly after registering it.", error.Status.Detail);
        Assert.Equal(0, await StoredFor(request));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenAnAllocationNamesAnUnknownProgramme_FailsThePrecondition()
    {
        var known = await fixture.KnownProgrammeAsync("KEN");
        var unknown = Guid.NewGuid().ToString();
        var request = await Request(null, Part(1m, known), Part(2m, unknown));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);

        Assert.StartsWith($"Programme '{unknown}' is not known to partnerships", error.Status.Detail);
        Assert.Equal(0, await StoredFor(request));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheProgrammeIsRegisteredButNotApproved_AcceptsMoneyForItButNotForAnOutcome()
    {
        var programme = await fixture.KnownProgrammeAsync("KEN");

        var approval = await _client.RecordFundingApprovalAsync(await Request(programme, Part(5m, programme, country: "KEN")));
        Assert.Equal((programme, "KEN"), (approval.ProgrammeId, approval.Allocations.Single().CountryCode));

        var outcome = Guid.NewGuid().ToString();
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            async () => await _client.RecordFundingApprovalAsync(await Request(programme, Part(5m, outcome: outcome))));
        Assert.Equal($"Outcome '{outcome}' is not an outcome of programme '{programme}' as far as partnerships knows: an outcome becomes known when " +
            "its programme is approved in programming (or the outcome is added after approval); if that just happened, retry in a moment.", error.Status.Detail);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheOutcomeIsAnotherProgrammes_FailsThePrecondition()
    {
        var jobs = PartnershipsFixture.Outcome("ZMB 102");
        var ghana = PartnershipsFixture.Outcome("GHA 101");
        var zambia = await fixture.ApprovedProgrammeAsync("ZMB", jobs);
        await fixture.ApprovedProgrammeAsync("GHA", ghana);
        var request = await Request(zambia, Part(1m, outcome: jobs.OutcomeId.ToString()), Part(2m, outcome: ghana.OutcomeId.ToString()));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);

        Assert.StartsWith($"Outcome '{ghana.OutcomeId}' is not an outcome of programme '{zambia}'", error.Status.Detail);
        Assert.Equal(0, await StoredFor(request));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheOutcomeIsNamedAloneAndUnknown_FailsThePrecondition()
    {
        var outcome = Guid.NewGuid().ToString();
        var request = await Request(null, Part(3m, outcome: outcome));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);

        Assert.StartsWith($"Outcome '{outcome}' is not an outcome of any programme partnerships knows", error.Status.Detail);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheOutcomeWasWithdrawn_FailsThePreconditionNamingIt()
    {
        var jobs = PartnershipsFixture.Outcome("TZA 201");
        var rights = PartnershipsFixture.Outcome("TZA 202");
        var programme = await fixture.ApprovedProgrammeAsync("TZA", jobs, rights);
        var funded = await _client.RecordFundingApprovalAsync(await Request(programme, Part(2m, outcome: rights.OutcomeId.ToString())));
        Assert.Equal(rights.OutcomeId.ToString(), funded.Allocations.Single().OutcomeId);
        await fixture.WithdrawAsync(programme, rights);
        var request = await Request(programme, Part(2m, programme, rights.OutcomeId.ToString()));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);

        Assert.Equal($"Outcome 'TZA 202' ({rights.OutcomeId}) of programme '{programme}' was withdrawn; money can no longer be allocated to it.",
            error.Status.Detail);
        Assert.Equal(0, await StoredFor(request));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenAnAllocationsCountryIsNotItsProgrammes_IsInvalidCountry()
    {
        var jobs = PartnershipsFixture.Outcome("UGA 101");
        var uganda = await fixture.ApprovedProgrammeAsync("UGA", jobs);
        var request = await Request(null, Part(1m, uganda, country: "UGA"), Part(2m, uganda, country: "KEN"), Part(3m, outcome: jobs.OutcomeId.ToString(), country: "RWA"));

        var error = await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync,
            "allocations[1].country_code", "allocations[2].country_code");

        Assert.Equal($"is KEN, but programme '{uganda}' is for UGA: name the programme's country or leave it empty", error.FieldViolations[0].Description);
        Assert.Equal(0, await StoredFor(request));
    }

    [Fact]
    public async Task AllocateRbsa_WhenTheOutcomeIsUnknownOrWithdrawn_FailsThePreconditionAndAllocatesNothing()
    {
        var jobs = PartnershipsFixture.Outcome("MOZ 101");
        var gone = PartnershipsFixture.Outcome("MOZ 102");
        var programme = await fixture.ApprovedProgrammeAsync("MOZ", jobs, gone);
        await fixture.WithdrawAsync(programme, gone);
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Netherlands"));
        var contribution = new RecordFundingApprovalRequest { PartnerId = partner.Id, Year = 2014, Source = FundingSource.Rbsa, Amount = ProtoConvert.ToMoney(10m) };
        await _client.RecordFundingApprovalAsync(contribution);
        AllocateRbsaRequest Allocate(string outcome) => new()
        {
            BienniumStartYear = 2014, Region = Region.Africa, OutcomeId = outcome, Amount = ProtoConvert.ToMoney(1m),
        };

        var unknown = Guid.NewGuid().ToString();
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.AllocateRbsaAsync(Allocate(unknown)).ResponseAsync);
        Assert.StartsWith($"Outcome '{unknown}' is not an outcome of any programme partnerships knows", error.Status.Detail);
        error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.AllocateRbsaAsync(Allocate(gone.OutcomeId.ToString())).ResponseAsync);
        Assert.Contains("'MOZ 102'", error.Status.Detail);
        Assert.Empty((await _client.GetRbsaPoolAsync(new GetRbsaPoolRequest { BienniumStartYear = 2014 })).Allocations);

        var pool = await _client.AllocateRbsaAsync(Allocate(jobs.OutcomeId.ToString()));
        Assert.Equal(jobs.OutcomeId.ToString(), pool.Allocations.Single().OutcomeId);
    }
}
