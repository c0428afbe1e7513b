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
        return allocation;
    }

    public void CheckVersion(long expected)
    {
        if (expected != 0 && expected != Version)
            throw new ConcurrencyConflictException("rbsa_pools", Id);
    }
}
