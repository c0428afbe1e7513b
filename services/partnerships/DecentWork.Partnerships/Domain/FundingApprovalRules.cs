using DecentWork.ServiceDefaults;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The rules an approval must meet, one small method each. The gRPC layer asks the same questions
/// first to name the offending fields; these guard the aggregate whoever calls it.
/// </summary>
public static class FundingApprovalRules
{
    public static void Check(decimal amountUsd, int year, FundingTerms terms)
    {
        if (amountUsd <= 0)
            throw new DomainRuleException("A funding approval must be for a positive amount.");
        if (terms.RequestId is { Length: > 0 } requestId && !FundingApproval.IsValidRequestId(requestId))
            throw new DomainRuleException($"A request id is {FundingApproval.RequestIdRule}.");
        if (!FundingApproval.IsValidYear(year))
            throw new DomainRuleException($"The approval year must be {FundingApproval.FirstYear}-{FundingApproval.LastYear}; it was {year}.");
        if (terms.ApprovalDate is { } date && date.Year != year)
            throw new DomainRuleException($"The approval date {date:yyyy-MM-dd} is not in the approval year {year}.");
        if (terms.OriginalAmount is <= 0)
            throw new DomainRuleException("The amount in the original currency must be positive.");
        if (!RbsaIsUnearmarked(terms.Source, terms.Earmarking))
            throw new DomainRuleException("RBSA money is unearmarked by definition; record earmarked money as extra-budgetary.");
        if (!HasADestination(terms.ProgrammeId, terms.Allocations.Count, terms.Source))
            throw new DomainRuleException("A funding approval needs allocations or a programme to receive the whole amount.");
        if (terms.Allocations.Count > FundingApproval.MaxAllocations)
            throw new DomainRuleException($"A funding approval has at most {FundingApproval.MaxAllocations} allocations.");
        if (terms.Allocations.Any(a => a.AmountUsd <= 0))
            throw new DomainRuleException("Every allocation must be for a positive amount.");
        if (terms.Allocations.Any(a => a.StrategicObjective is { } o && !Allocation.IsValidStrategicObjective(o)))
            throw new DomainRuleException("A strategic objective is 1-4.");
        if (!AllocationsFitTheProgramme(terms.ProgrammeId, terms.Allocations))
            throw new DomainRuleException("An approval for one programme cannot allocate money to another programme.");
        if (terms.Allocations.Count > 0 && !AddUpTo(amountUsd, terms.Allocations))
            throw new DomainRuleException($"The allocations add up to {Sum(terms.Allocations)} USD, not the approved {amountUsd} USD.");
    }

    /// <summary>
    /// The money goes to allocations or, in full, to one programme; RBSA money may name neither,
    /// because the Office allocates it later from the biennium's pool.
    /// </summary>
    public static bool HasADestination(Guid? programmeId, int allocationCount, FundingSource? source) =>
        allocationCount > 0 || programmeId is not null || source == FundingSource.Rbsa;

    public static bool RbsaIsUnearmarked(FundingSource? source, Earmarking? earmarking) =>
        source != FundingSource.Rbsa || earmarking is null or Earmarking.Unearmarked;

    /// <summary>
    /// An approval naming a programme counts in full for it (the programming service reads it so),
    /// so its allocations may name no other programme.
    /// </summary>
    public static bool AllocationsFitTheProgramme(Guid? programmeId, IEnumerable<Allocation> allocations) =>
        programmeId is null || allocations.All(a => a.ProgrammeId is null || a.ProgrammeId == programmeId);

    /// <summary>Exact decimal equality: allocations may not round away a cent.</summary>
    public static bool AddUpTo(decimal amountUsd, IEnumerable<Allocation> allocations) => Sum(allocations) == amountUsd;

    public static decimal Sum(IEnumerable<Allocation> allocations) => allocations.Sum(a => a.AmountUsd);

    /// <summary>The one programme every allocation names, or null (none, several, or some without).</summary>
    public static Guid? SingleProgramme(IReadOnlyList<Allocation> allocations)
    {
        var programmes = allocations.Select(a => a.ProgrammeId).Distinct().ToList();
        return programmes is [{ } only] ? only : null;
    }
}
