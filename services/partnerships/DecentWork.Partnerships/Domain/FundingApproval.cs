using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>A partner's approval of money, in US dollars, for one DWCP in one year.</summary>
public sealed class FundingApproval : Aggregate
{
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    private FundingApproval() { }

    public Guid PartnerId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public decimal AmountUsd { get; private set; }
    public int Year { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Year, recording instant, id: the list reads it descending (newest year, then latest recorded,
    /// first). Fixed-width parts keep string order equal to time order in both stores.
    /// </summary>
    public string SortKey { get; private set; } = "";

    /// <summary>
    /// Records the approval and raises FundingApproved, which the programming service adds to the
    /// programme's money mobilised. The programme id is taken on trust: partnerships keeps no copy of
    /// the programme register in this slice, and the programming consumer faults an unknown one.
    /// </summary>
    public static FundingApproval Record(Partner partner, Guid programmeId, decimal amountUsd, int year, DateTimeOffset now)
    {
        if (programmeId == Guid.Empty)
            throw new DomainRuleException("A funding approval must name a programme.");
        if (amountUsd <= 0)
            throw new DomainRuleException("A funding approval must be for a positive amount.");
        if (!IsValidYear(year))
            throw new DomainRuleException($"The approval year must be {FirstYear}-{LastYear}; it was {year}.");

        var approval = new FundingApproval
        {
            Id = Guid.NewGuid(),
            PartnerId = partner.Id,
            ProgrammeId = programmeId,
            AmountUsd = amountUsd,
            Year = year,
            RecordedAt = now,
        };
        approval.SortKey = $"{year:D4}|{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}|{approval.Id:N}";
        approval.Raise(new FundingApproved(approval.Id, partner.Id, partner.Name, programmeId, amountUsd, year, now));
        return approval;
    }

    public static bool IsValidYear(int year) => year is >= FirstYear and <= LastYear;
}
