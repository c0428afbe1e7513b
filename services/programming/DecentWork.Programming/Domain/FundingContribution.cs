using System.Security.Cryptography;
using System.Text;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// What one partnerships funding approval adds to one programme: a small record of its own, written
/// once and rewritten only when partnerships corrects the approval (amended or cancelled). Approvals used to be appended to the programme's document, so each one
/// reread and rewrote a document that grew with every approval ever counted, and collided with every
/// other change of the programme; one record per approval keeps the cost of a message constant.
/// </summary>
public sealed partial class FundingContribution : Aggregate
{
    private FundingContribution() { }

    public Guid ProgrammeId { get; private set; }
    public Guid ApprovalId { get; private set; }
    public decimal AmountUsd { get; private set; }
    /// <summary>The parts of the amount allocated to outcomes (of this programme or not: the programme decides what counts).</summary>
    public List<OutcomeFunding> ToOutcomes { get; private set; } = [];
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>The funding partner and the approval's date, as partnerships announced them: the IATI export's funders and incoming commitments (empty for contributions recorded before they were kept).</summary>
    public Guid PartnerId { get; private set; }
    public string PartnerName { get; private set; } = "";
    public DateOnly ApprovedOn { get; private set; }
    /// <summary>"Name (subject)" of whoever the change is recorded for, as <see cref="Change.By"/>.</summary>
    public string ChangedBy { get; private set; } = "";
    public string ChangedBySubject { get; private set; } = "";
    public string ChangedByName { get; private set; } = "";
    /// <summary>
    /// The approval's revision this record holds (1 when recorded; 0 on records stored before
    /// revisions, read as 1). An amendment or cancellation is applied only over an older revision,
    /// so late or repeated corrections change nothing.
    /// </summary>
    public int Revision { get; private set; }

    // Methods, not properties, so that neither BSON mapper persists them as state.
    public int CurrentRevision() => Math.Max(Revision, 1);

    /// <summary>0 when the approval no longer funds this programme (cancelled, or amended away): the record stays, counting nothing.</summary>
    public bool CountsAsFunding() => AmountUsd > 0;

    /// <summary>Why the latest correction was made; empty until corrected.</summary>
    public string CorrectionReason { get; private set; } = "";

    /// <summary>Programme, recording instant, id: a programme's contributions in the order they arrived.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>
    /// The same approval for the same programme always gets the same id, so a replay of the event
    /// under a new message id meets the unique id and is not counted twice.
    /// </summary>
    public static Guid IdFor(Guid approvalId, Guid programmeId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"funding-contribution|{approvalId:N}|{programmeId:N}")).AsSpan(0, 16));

    public static FundingContribution Record(Guid approvalId, Guid programmeId, decimal amountUsd, IReadOnlyDictionary<Guid, decimal> toOutcomes, Change change,
        Guid partnerId = default, string partnerName = "", DateOnly approvedOn = default)
    {
        if (amountUsd <= 0) throw new DomainRuleException("A funding approval must be for a positive amount.");
        var contribution = new FundingContribution
        {
            Id = IdFor(approvalId, programmeId),
            ProgrammeId = programmeId,
            ApprovalId = approvalId,
            AmountUsd = amountUsd,
            ToOutcomes = toOutcomes.Select(o => new OutcomeFunding { OutcomeId = o.Key, MobilisedUsd = o.Value }).ToList(),
            RecordedAt = change.At,
            PartnerId = partnerId,
            PartnerName = partnerName,
            ApprovedOn = approvedOn,
            ChangedBy = change.By,
            ChangedBySubject = change.BySubject,
            ChangedByName = change.ByName,
        };
        contribution.SortKey = $"{programmeId:N}|{change.At.UtcTicks:D19}|{contribution.Id:N}";
        contribution.Revision = 1;
        return contribution;
    }

    /// <summary>
    /// The record of a correction that arrived before, or instead of, the approval itself: the
    /// approval's state at <paramref name="revision"/> for this programme (0 when it no longer
    /// funds it). The FundingApproved that may still arrive finds the record and counts nothing.
    /// </summary>
    public static FundingContribution Corrected(Guid approvalId, Guid programmeId, int revision, decimal amountUsd,
        IReadOnlyDictionary<Guid, decimal> toOutcomes, string reason, Change change, Guid partnerId, string partnerName, DateOnly approvedOn)
    {
        var contribution = Record(approvalId, programmeId, 1m, toOutcomes, change, partnerId, partnerName, approvedOn);
        contribution.Apply(revision, amountUsd, toOutcomes, reason, change);
        return contribution;
    }

    /// <summary>Applies a correction of the approval when it is newer than what this record holds; false when it is not.</summary>
    public bool Revise(int revision, decimal amountUsd, IReadOnlyDictionary<Guid, decimal> toOutcomes, string reason, Change change)
    {
        if (revision <= CurrentRevision()) return false;
        Apply(revision, amountUsd, toOutcomes, reason, change);
        return true;
    }

    private void Apply(int revision, decimal amountUsd, IReadOnlyDictionary<Guid, decimal> toOutcomes, string reason, Change change)
    {
        if (amountUsd < 0) throw new DomainRuleException("A corrected funding approval cannot be for a negative amount.");
        Revision = revision;
        AmountUsd = amountUsd;
        ToOutcomes = amountUsd == 0 ? [] : toOutcomes.Select(o => new OutcomeFunding { OutcomeId = o.Key, MobilisedUsd = o.Value }).ToList();
        // The new parts carry no objective yet: whatever programme is read next files them.
        FiledAtVersion = 0;
        CorrectionReason = reason;
        ChangedBy = change.By;
        ChangedBySubject = change.BySubject;
        ChangedByName = change.ByName;
    }

    /// <summary>
    /// The programme's history shows each approval as it did when approvals were kept inside the
    /// programme. The programme's version does not change for one, so the entry carries none (0).
    /// </summary>
    public HistoryEntry ToHistoryEntry() => new()
    {
        Version = 0,
        Action = "FundingRecorded",
        Detail = Revision > 1 ? $"approval {ApprovalId}: USD {AmountUsd} (revision {Revision}: {CorrectionReason})" : $"approval {ApprovalId}: USD {AmountUsd}",
        ChangedBy = ChangedBy,
        ChangedAt = RecordedAt,
        ChangedBySubject = ChangedBySubject,
        ChangedByName = ChangedByName,
    };
}

/// <summary>Money mobilised for one outcome.</summary>
public sealed class OutcomeFunding
{
    public Guid OutcomeId { get; set; }
    public decimal MobilisedUsd { get; set; }
    /// <summary>The objective the outcome served when the record was last filed (<see cref="FundingContribution.FileUnder"/>); 0 when it counts for no outcome (withdrawn, or not one of the programme's).</summary>
    public StrategicObjective StrategicObjective { get; set; }
}
