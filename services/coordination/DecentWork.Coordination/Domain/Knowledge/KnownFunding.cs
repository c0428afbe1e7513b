using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>The part of an approval that went to one country. Settable so both stores map it.</summary>
public sealed class FundingShare
{
    public string CountryCode { get; set; } = "";
    public decimal AmountUsd { get; set; }
}

/// <summary>
/// This service's view of one funding approval (partnerships owns it), reduced to what the region
/// comparison needs: how much went to which country. Built from FundingApproved and replaced by
/// each newer correction (KnownFunding.Corrections.cs).
/// </summary>
public sealed partial class KnownFunding : Aggregate
{
    private KnownFunding() { }

    public int Year { get; private set; }
    public List<FundingShare> Shares { get; private set; } = [];

    /// <summary>
    /// Each allocation goes to its own country, or to its programme's country; an approval without
    /// allocations goes wholly to its programme's country. Regional and global money (no country
    /// and no programme) is left out: the comparison is by country. <paramref name="countryOfProgramme"/>
    /// answers null for a programme not known here, which throws <see cref="NotKnownYetException"/>.
    /// </summary>
    public static KnownFunding From(FundingApproved approved, Func<Guid, string?> countryOfProgramme) => new()
    {
        Id = approved.ApprovalId,
        Year = approved.Year,
        Shares = SharesOf(approved.ApprovalId, approved.ProgrammeId, approved.AmountUsd, approved.Allocations, countryOfProgramme),
    };

    private static List<FundingShare> SharesOf(Guid approvalId, Guid programmeId, decimal amountUsd, IReadOnlyList<FundingAllocation>? allocations,
        Func<Guid, string?> countryOfProgramme)
    {
        var shares = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string? country, decimal amount)
        {
            if (string.IsNullOrEmpty(country) || amount == 0m) return;
            shares[country] = shares.GetValueOrDefault(country) + amount;
        }
        // A programme not known yet (its event still on the way) fails the message so MassTransit retries it later.
        string? ProgrammeCountry(Guid? id) => id is { } p && p != Guid.Empty
            ? countryOfProgramme(p) ?? throw new NotKnownYetException("Programme", p, $"Programme {p} of approval {approvalId} is not known here yet.")
            : null;
        if (allocations is { Count: > 0 })
            foreach (var a in allocations)
                Add(a.CountryCode?.ToUpperInvariant() ?? ProgrammeCountry(a.ProgrammeId) ?? ProgrammeCountry(programmeId), a.AmountUsd);
        else
            Add(ProgrammeCountry(programmeId), amountUsd);
        return [.. shares.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new FundingShare { CountryCode = s.Key, AmountUsd = s.Value })];
    }

    /// <summary>The programmes whose country the approval needs, so the consumer can look them up first.</summary>
    public static IEnumerable<Guid> ProgrammesNamed(FundingApproved approved) => ProgrammesNamed(approved.ProgrammeId, approved.Allocations);

    public static IEnumerable<Guid> ProgrammesNamed(Guid programmeId, IReadOnlyList<FundingAllocation>? allocations) =>
        (allocations ?? []).Select(a => a.ProgrammeId ?? Guid.Empty).Append(programmeId).Where(id => id != Guid.Empty).Distinct();
}
