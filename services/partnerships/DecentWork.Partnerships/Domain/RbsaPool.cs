using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>One allocation of RBSA money. Settable properties, for the store's mappers.</summary>
public sealed class RbsaAllocation
{
    public Guid Id { get; set; }
    public IloRegion? Region { get; set; }
    public Guid? OutcomeId { get; set; }

    /// <summary>The programme holding <see cref="OutcomeId"/> when it was allocated; null without an outcome (and on allocations stored before it was kept).</summary>
    public Guid? ProgrammeId { get; set; }
    public int? StrategicObjective { get; set; }
    public decimal AmountUsd { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset AllocatedAt { get; set; }

    /// <summary>Who allocated it ("Name (subject)" from the token); empty for allocations made before it was recorded.</summary>
    public string AllocatedBy { get; set; } = "";
}

/// <summary>
/// A biennium's Regular Budget Supplementary Account: the allocations the Office made from the
/// un-earmarked contributions. One aggregate per biennium, so its version serialises concurrent
/// allocations and the "never more than contributed" rule cannot be raced past.
/// </summary>
public sealed class RbsaPool : Aggregate
{
    private RbsaPool() { }

    public int BienniumStartYear { get; private set; }
    public List<RbsaAllocation> Allocations { get; private set; } = [];

    /// <summary>ILO biennia start in even years (2006-07, 2008-09).</summary>
    public static bool IsBienniumStart(int year) => FundingApproval.IsValidYear(year) && year % 2 == 0;

    /// <summary>The pool's id follows from its biennium, so two first allocations collide in the store.</summary>
    public static Guid IdFor(int startYear) => new($"00000000-0000-4000-8000-{startYear:D12}");

    public static RbsaPool Open(int startYear)
    {
        if (!IsBienniumStart(startYear))
            throw new DomainRuleException($"A biennium starts in an even year 1990-2100; {startYear} is not one.");
        return new RbsaPool { Id = IdFor(startYear), BienniumStartYear = startYear };
    }

    public decimal Allocated() => Allocations.Sum(a => a.AmountUsd);

    /// <summary>Adds an allocation; <paramref name="contributedUsd"/> is the biennium's RBSA approvals.</summary>
    public RbsaAllocation Allocate(RbsaAllocation allocation, decimal contributedUsd)
    {
        if (allocation.AmountUsd <= 0)
            throw new DomainRuleException("An RBSA allocation must be for a positive amount.");
        if (allocation.StrategicObjective is { } objective && !Allocation.IsValidStrategicObjective(objective))
            throw new DomainRuleException("A strategic objective is 1-4.");
        if (Allocated() + allocation.AmountUsd > contributedUsd)
            throw new DomainRuleException(
                $"Allocating {allocation.AmountUsd} USD would exceed the RBSA contributed for {BienniumStartYear}-{BienniumStartYear + 1}: " +
                $"{Allocated()} of {contributedUsd} USD is already allocated.");
        Allocations.Add(allocation);
        // Money for an outcome counts for it in programming too, like an approval's allocation.
        if (allocation is { OutcomeId: { } outcomeId, ProgrammeId: { } programmeId })
            Raise(new RbsaAllocated(allocation.Id, BienniumStartYear, programmeId, outcomeId, allocation.AmountUsd, allocation.AllocatedAt,
                allocation.AllocatedBy.Length == 0 ? null : allocation.AllocatedBy));
        return allocation;
    }

    /// <summary>The year an allocation counts in: when it was made, kept within the pool's biennium.</summary>
    public int YearOf(RbsaAllocation allocation) =>
        Math.Clamp(allocation.AllocatedAt.UtcDateTime.Year, BienniumStartYear, BienniumStartYear + 1);

    public void CheckVersion(long expected)
    {
        if (expected != 0 && expected != Version)
            throw new ConcurrencyConflictException("rbsa_pools", Id);
    }
}
