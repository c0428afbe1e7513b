using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Programming.Tests.LifecycleClient;
using Domain = DecentWork.Programming.Domain;

namespace DecentWork.Programming.Tests;

/// <summary>The overlap rule under concurrency: the approval slot's unique index over the real store.</summary>
public class ProgrammeOverlapServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private IAggregateStore<Domain.Programme> Store => fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.Programme>>();

    private Task<Programme> ClearedAsync(string country) => Lifecycle.SignedAsync(country);

    [Fact]
    public async Task ApproveProgramme_WhenTwoOverlappingProgrammesAreApprovedAtOnce_ApprovesOnlyOne()
    {
        foreach (var country in new[] { "NOR", "FIN", "DNK", "SWE", "EST" })
        {
            var first = await ClearedAsync(country);
            var second = await ClearedAsync(country);

            var calls = new[] { first, second }.Select(p => _client.ApproveProgrammeAsync(Approval(p.Id)).ResponseAsync).ToList();
            var outcomes = await Task.WhenAll(calls.Select(async call =>
            {
                try { return (await call).Status.ToString(); }
                catch (RpcException e) { return e.StatusCode.ToString(); }
            }));

            var approved = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = country, Status = ProgrammeStatus.Approved });
            Assert.Equal(1, approved.TotalSize);
            Assert.Contains(nameof(ProgrammeStatus.Approved), outcomes);
            // The loser either read the winner as binding (FAILED_PRECONDITION) or raced it for the slot (ABORTED).
            Assert.Single(outcomes, o => o is nameof(StatusCode.FailedPrecondition) or nameof(StatusCode.Aborted));
        }
    }

    [Fact]
    public async Task ApproveProgramme_WhenAnotherApprovalTookTheSlotMeanwhile_IsAbortedAndChangesNothing()
    {
        // Stands in for an approval that saved between this one's reads and its save: it holds the
        // slot this approval computes, but was not yet visible to the reads.
        var racer = Domain.Programme.Register(Countries.ByCode["ISL"], "Racing approval", new(2020, 1, 1), new(2020, 12, 31),
            new Domain.Change("test", DateTimeOffset.UtcNow));
        typeof(Domain.Programme).GetProperty(nameof(Domain.Programme.ApprovalSlot))!.SetValue(racer, Domain.Programme.ApprovedSlot("ISL", 1));
        await Store.SaveAsync(racer);
        var programme = await ClearedAsync("ISL");

        var error = await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.ApproveProgrammeAsync(Approval(programme.Id)).ResponseAsync);

        Assert.Contains("approved at the same moment", error.Status.Detail);
        var unchanged = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });
        Assert.Equal((ProgrammeStatus.UnderQualityAssurance, programme.Version), (unchanged.Status, unchanged.Version));
    }

    [Fact]
    public async Task ApproveProgramme_InOneCountry_NumbersTheApprovalsAndFreesTheCountryOnCompletion()
    {
        var overlapping = await ClearedAsync("LVA"); // registered while nothing binds the country
        var first = await ClearedAsync("LVA");
        await _client.ApproveProgrammeAsync(Approval(first.Id));
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApproveProgrammeAsync(Approval(overlapping.Id)).ResponseAsync);
        Assert.Contains($"already has programme {first.Id}", refused.Status.Detail);

        await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = first.Id });
        await _client.CompleteProgrammeAsync(new CompleteProgrammeRequest { ProgrammeId = first.Id });
        await _client.ApproveProgrammeAsync(Approval(overlapping.Id));

        var slots = new[] { await Store.FindAsync(Guid.Parse(first.Id)), await Store.FindAsync(Guid.Parse(overlapping.Id)) };
        Assert.Equal(["LVA|000001", "LVA|000002"], slots.Select(p => p!.ApprovalSlot));
    }

    [Fact]
    public async Task Store_WhenTwoProgrammesClaimOneApprovalSlot_RefusesTheSecond()
    {
        var first = await ClearedAsync("LTU");
        var second = await ClearedAsync("LTU");
        var a = (await Store.FindAsync(Guid.Parse(first.Id)))!;
        var b = (await Store.FindAsync(Guid.Parse(second.Id)))!;
        var change = new Domain.Change("test", DateTimeOffset.UtcNow);
        a.Approve([], 0, change);
        b.Approve([], 0, change);

        await Store.SaveAsync(a);
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Store.SaveAsync(b));

        Assert.Equal(ProgrammeStatus.UnderQualityAssurance, (await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = second.Id })).Status);
    }
}
