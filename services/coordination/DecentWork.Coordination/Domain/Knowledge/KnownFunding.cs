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
/// comparison needs: how much went to which country. Built once from FundingApproved; amendments
/// and cancellations are not followed yet (their events are being added on another branch).
/// </summary>
public sealed class KnownFunding : Aggregate
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
    public static KnownFunding From(FundingApproved approved, Func<Guid, string?> countryOfProgramme)
    {
        var shares = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string? country, decimal amount)
        {
            if (string.IsNullOrEmpty(country) || amount == 0m) return;
            shares[country] = shares.GetValueOrDefault(country) + amount;
        }
        // A programme not known yet (its event still on the way) fails the message so MassTransit retries it later.
        string? ProgrammeCountry(Guid? id) => id is { } p && p != Guid.Empty
            ? countryOfProgramme(p) ?? throw new NotKnownYetException("Programme", p, $"Programme {p} of approval {approved.ApprovalId} is not known here yet.")
            : null;
        if (approved.Allocations is { Count: > 0 } allocations)
            foreach (var a in allocations)
                Add(a.CountryCode?.ToUpperInvariant() ?? ProgrammeCountry(a.ProgrammeId) ?? ProgrammeCountry(approved.ProgrammeId), a.AmountUsd);
        else
            Add(ProgrammeCountry(approved.ProgrammeId), approved.AmountUsd);
        return new KnownFunding
        {
            Id = approved.ApprovalId,
            Year = approved.Year,
            Shares = [.. shares.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new FundingShare { CountryCode = s.Key, AmountUsd = s.Value })],
        };
    }

    /// <summary>The programmes whose country the approval needs, so the consumer can look them up first.</summary>
    public static IEnumerable<Guid> ProgrammesNamed(FundingApproved approved) =>
        (approved.Allocations ?? []).Select(a => a.ProgrammeId ?? Guid.Empty).Append(approved.ProgrammeId).Where(id => id != Guid.Empty).Distinct();
}
