using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// RBSA the Office allocated to an outcome counts for the outcome and its programme like an
/// approval's allocation: one FundingContribution record keyed by the allocation's id, so the
/// money mobilised and the funding gaps (both read the same buckets) include it. Before this
/// consumer existed nothing told programming of pool allocations, so RBSA never closed a gap here.
/// </summary>
public sealed class RbsaAllocatedConsumer(
    IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions, TimeProvider clock, ILogger<RbsaAllocatedConsumer> logger)
    : IConsumer<RbsaAllocated>
{
    public const string PoolName = "RBSA";

    public async Task Consume(ConsumeContext<RbsaAllocated> context)
    {
        var allocated = context.Message;
        if (await programmes.FindAsync(allocated.ProgrammeId, context.CancellationToken) is not { } programme)
            throw new DomainRuleException($"RBSA allocation {allocated.AllocationId} names programme {allocated.ProgrammeId}, which is not registered.");
        var change = FundingCorrections.ChangeFor(allocated.ChangedBy, $"{PoolName} {allocated.BienniumStartYear}-{allocated.BienniumStartYear + 1}", clock.GetUtcNow());
        // No partner: the pool's money is many partners' un-earmarked contributions, so the IATI
        // export (which lists funders by partner) does not show it as one partner's commitment.
        var contribution = FundingContribution.Record(allocated.AllocationId, allocated.ProgrammeId, allocated.AmountUsd,
            new Dictionary<Guid, decimal> { [allocated.OutcomeId] = allocated.AmountUsd }, change,
            partnerName: PoolName, approvedOn: DateOnly.FromDateTime(allocated.AllocatedAt.UtcDateTime));
        var inbox = new ProcessedMessage(nameof(RbsaAllocatedConsumer), context.MessageId ?? allocated.AllocationId);
        // Filed under the programme's group as just read; re-filed below if the programme changed meanwhile.
        contribution.FileUnder(programme);
        if (!await contributions.AddOnceAsync(contribution, inbox, context.CancellationToken))
        {
            logger.LogInformation("RBSA allocation {AllocationId} was already counted", allocated.AllocationId);
            return;
        }
        await ContributionFiling.CatchUpAsync(programmes, contributions, contribution, context.CancellationToken);
    }
}
