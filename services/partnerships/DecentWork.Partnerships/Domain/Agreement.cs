using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>Kinds of partnership agreement; numbers match the proto enum.</summary>
public enum AgreementKind
{
    MultiYearFramework = 1,
    SingleYear = 2,
    Project = 3,
    MemorandumOfUnderstanding = 4,
    PublicPrivatePartnership = 5,
    SouthSouth = 6,
}

/// <summary>Thematic provisions an agreement makes; numbers match the proto enum.</summary>
public enum ThematicProvision
{
    GenderEquality = 1,
    Tripartism = 2,
    ConstituentCapacity = 3,
    TurinCentre = 4,
}

/// <summary>A partnership agreement with a funding partner, and its latest alignment review.</summary>
public sealed class Agreement : Aggregate
{
    public const int MaxTitleLength = 200;

    private Agreement() { }

    public Guid PartnerId { get; private set; }
    public string Title { get; private set; } = "";
    public AgreementKind Kind { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public decimal PledgedAmount { get; private set; }
    public string PledgedCurrency { get; private set; } = "";
    public Earmarking Earmarking { get; private set; }
    public List<ThematicProvision> ThematicProvisions { get; private set; } = [];
    public AlignmentReview? AlignmentReview { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public PppChecklist? PppChecklist { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Start date descending when read backwards; id keeps the key unique.</summary>
    public string SortKey { get; private set; } = "";

    public static Agreement Register(Partner partner, string title, AgreementKind kind, DateOnly start, DateOnly end,
        decimal pledged, string currency, Earmarking earmarking, IEnumerable<ThematicProvision> provisions, DateTimeOffset now)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > MaxTitleLength)
            throw new DomainRuleException($"An agreement needs a title of 1-{MaxTitleLength} characters.");
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(earmarking))
            throw new DomainRuleException("An agreement needs a known kind and earmarking.");
        if (end < start)
            throw new DomainRuleException($"The agreement period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        if (pledged <= 0)
            throw new DomainRuleException("An agreement must pledge a positive amount.");

        var agreement = new Agreement
        {
            Id = Guid.NewGuid(),
            PartnerId = partner.Id,
            Title = trimmed,
            Kind = kind,
            StartDate = start,
            EndDate = end,
            PledgedAmount = pledged,
            PledgedCurrency = currency,
            Earmarking = earmarking,
            ThematicProvisions = [.. provisions.Distinct().Order()],
            RegisteredAt = now,
        };
        agreement.SortKey = $"{start:yyyy-MM-dd}|{agreement.Id:N}";
        return agreement;
    }

    /// <summary>Records the review, replacing an earlier one: the table counts each agreement's latest view.</summary>
    public void ReviewAlignment(AlignmentReview review, DateOnly today)
    {
        if (!review.IsComplete())
            throw new DomainRuleException("An alignment review needs a finding on all five criteria, a reviewer and a date.");
        if (review.ReviewDate > today)
            throw new DomainRuleException($"An alignment review cannot be dated in the future ({review.ReviewDate:yyyy-MM-dd}).");
        AlignmentReview = review;
    }

    /// <summary>Only a public-private partnership has the guideline checklist, and only before signing.</summary>
    public void CompletePppChecklist(PppChecklist checklist, DateOnly today)
    {
        if (Kind != AgreementKind.PublicPrivatePartnership)
            throw new DomainRuleException($"Only a public-private partnership has the PPP guideline checklist; this agreement is {ProtoNames.Of(Kind)}.");
        EnsureUnsigned();
        if (checklist.CompletedBy.Trim().Length == 0 || checklist.CompletedOn == default || checklist.CompletedOn > today)
            throw new DomainRuleException("A completed checklist needs who completed it and a date not in the future.");
        PppChecklist = checklist;
    }

    /// <summary>A public-private partnership is signed only with its guideline checklist complete.</summary>
    public void Sign(DateOnly signedOn, DateOnly today)
    {
        EnsureUnsigned();
        if (signedOn > today)
            throw new DomainRuleException($"An agreement cannot be signed in the future ({signedOn:yyyy-MM-dd}).");
        if (Kind == AgreementKind.PublicPrivatePartnership && PppChecklist is null)
            throw new DomainRuleException("A public-private partnership needs its guideline checklist completed before it is signed.");
        SignedOn = signedOn;
    }

    private void EnsureUnsigned()
    {
        if (SignedOn is { } signed)
            throw new DomainRuleException($"The agreement was signed on {signed:yyyy-MM-dd}.");
    }

    /// <summary>Optimistic concurrency on request: 0 skips the check.</summary>
    public void CheckVersion(long expected)
    {
        if (expected != 0 && expected != Version)
            throw new ConcurrencyConflictException("agreements", Id);
    }
}
