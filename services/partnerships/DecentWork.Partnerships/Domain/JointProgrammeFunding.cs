using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// How coordination's approved UN joint programmes become funding approvals here: the fund is a
/// UN-system partner and the organisation's share is extra-budgetary money approved on that day.
/// </summary>
public static class JointProgrammeFunding
{
    /// <summary>
    /// One allocation of the whole share. The event gives no split by country, so none is invented:
    /// the allocation names the country when there is one, the region when all countries share it.
    /// </summary>
    public static Allocation AllocationFor(IReadOnlyList<string> countryCodes, decimal shareUsd)
    {
        var countries = countryCodes.Select(c => Countries.TryFind(c, out var country) ? country : null).ToList();
        var regions = countries.Select(c => c?.Region).Distinct().ToList();
        return new Allocation
        {
            CountryCode = countries is [{ } only] ? only.Code : null,
            Region = regions is [{ } region] ? region : null,
            AmountUsd = shareUsd,
        };
    }

    /// <summary>Terms of the approval: dated the day the joint programme was approved.</summary>
    public static FundingTerms Terms(IReadOnlyList<string> countryCodes, decimal shareUsd, DateOnly approvedOn) =>
        new(null, [AllocationFor(countryCodes, shareUsd)], ApprovalDate: approvedOn, Source: FundingSource.ExtraBudgetary,
            Earmarking: Domain.Earmarking.Earmarked);
}
