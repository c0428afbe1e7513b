using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// A partner's approval of money in one year, split into allocations (region, country, DWCP,
/// outcome, strategic objective) that add up exactly to its US-dollar amount.
/// </summary>
public sealed partial class FundingApproval : Aggregate
{
    public const int FirstYear = 1990;
    public const int LastYear = 2100;
    public const int MaxAllocations = 500;
    public const string Usd = "USD";

    private FundingApproval() { }

    public Guid PartnerId { get; private set; }

    /// <summary>The DWCP the approval is for, or Guid.Empty when it is not for one programme.</summary>
    public Guid ProgrammeId { get; private set; }

    public decimal AmountUsd { get; private set; }
    public int Year { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateOnly? ApprovalDate { get; private set; }
    public decimal OriginalAmount { get; private set; }
    public string OriginalCurrency { get; private set; } = Usd;

    /// <summary>0 only on approvals stored before sources were recorded.</summary>
    public FundingSource Source { get; private set; }

    /// <summary>0 only on approvals stored before earmarking was recorded.</summary>
    public Earmarking Earmarking { get; private set; }

    public MobilisedBy MobilisedBy { get; private set; }
    public Guid? AgreementId { get; private set; }
    public List<Allocation> Allocations { get; private set; } = [];

    /// <summary>
    /// Year, recording instant, id: the list reads it descending (newest year, then latest recorded,
    /// first). Fixed-width parts keep string order equal to time order in both stores.
    /// </summary>
    public string SortKey { get; private set; } = "";

    /// <summary>The minimal approval: the whole amount to one DWCP.</summary>
    public static FundingApproval Record(Partner partner, Guid programmeId, decimal amountUsd, int year, DateTimeOffset now)
    {
        if (programmeId == Guid.Empty)
            throw new DomainRuleException("A funding approval without allocations must name a programme.");
        return Record(partner, amountUsd, year, new FundingTerms(programmeId, []), now);
    }

    /// <summary>
    /// Records the approval and raises FundingApproved with its allocations, which the programming
    /// service adds to the money mobilised. The caller has checked the partner, the agreement and the
    /// programmes and outcomes named (<see cref="FundingTargets"/>), which need the store.
    /// </summary>
    public static FundingApproval Record(Partner partner, decimal amountUsd, int year, FundingTerms terms, DateTimeOffset now,
        Guid? id = null, string? changedBy = null)
    {
        FundingApprovalRules.Check(amountUsd, year, terms);
        var approval = Content(partner.Id, amountUsd, year, terms);
        // A given id makes an approval built from another service's event recorded once only.
        approval.Id = id ?? Guid.NewGuid();
        approval.RecordedAt = now;
        approval.Revision = 1;
        approval.RequestId = terms.RequestId ?? "";
        approval.RequestKey = RequestKeyFor(approval.RequestId, approval.Id);
        approval.SortKey = $"{year:D4}|{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}|{approval.Id:N}";
        approval.Raise(new FundingApproved(approval.Id, partner.Id, partner.Name, approval.ProgrammeId, amountUsd, year, now,
            approval.Allocations.Select(ToEvent).ToList(), changedBy));
        return approval;
    }

    /// <summary>
    /// What the caller's terms amount to once the defaults are applied: everything a repeated
    /// request must match (<see cref="Repeats"/>), without identity, time or events.
    /// </summary>
    private static FundingApproval Content(Guid partnerId, decimal amountUsd, int year, FundingTerms terms)
    {
        var programmeId = terms.ProgrammeId ?? FundingApprovalRules.SingleProgramme(terms.Allocations) ?? Guid.Empty;
        var source = terms.Source ?? FundingSource.ExtraBudgetary;
        return new FundingApproval
        {
            PartnerId = partnerId,
            ProgrammeId = programmeId,
            AmountUsd = amountUsd,
            Year = year,
            ApprovalDate = terms.ApprovalDate,
            OriginalAmount = terms.OriginalAmount ?? amountUsd,
            OriginalCurrency = terms.OriginalAmount is null ? Usd : terms.OriginalCurrency ?? Usd,
            Source = source,
            Earmarking = terms.Earmarking ?? (source == FundingSource.Rbsa ? Earmarking.Unearmarked : Earmarking.Earmarked),
            MobilisedBy = terms.MobilisedBy,
            AgreementId = terms.AgreementId,
            // No allocations means the minimal request: everything to the named programme, or,
            // for RBSA money not yet allocated by the Office, to no target at all.
            Allocations = terms.Allocations.Count > 0
                ? [.. terms.Allocations]
                : [new Allocation { ProgrammeId = programmeId == Guid.Empty ? null : programmeId, AmountUsd = amountUsd }],
        };
    }

    public static bool IsValidYear(int year) => year is >= FirstYear and <= LastYear;

    private static FundingAllocation ToEvent(Allocation a) =>
        new(a.Region?.ToString(), a.CountryCode, a.ProgrammeId, a.OutcomeId, a.StrategicObjective, a.AmountUsd);
}
