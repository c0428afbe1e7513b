using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>One recorded step of an item's life: who, when, what, which fields. Settable so both stores map it.</summary>
public sealed class KnowledgeRevision
{
    public const string Registered = "registered";
    public const string Changed = "changed";
    public const string Withdrawn = "withdrawn";

    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Action { get; set; } = "";
    public List<string> ChangedFields { get; set; } = [];
    public string Reason { get; set; } = "";
}

/// <summary>
/// A good practice, lesson learned or document in the catalogue ("a catalogue of good practices
/// and lessons learned"). Changes replace the content whole and are recorded; a withdrawal is
/// recorded too and the item is never deleted, so what was once published can always be traced.
/// </summary>
public sealed class KnowledgeItem : Aggregate
{
    public const int MaxReasonLength = 500;

    private KnowledgeItem() { }

    public KnowledgeContent Content { get; private set; } = new();
    public bool Withdrawn { get; private set; }
    public List<KnowledgeRevision> Revisions { get; private set; } = [];

    /// <summary>Copies of content fields the store filters on (LINQ on nested members does not translate in both stores).</summary>
    public string CountryCode { get; private set; } = "";
    public int Region { get; private set; }
    public int Kind { get; private set; }
    public int StrategicObjective { get; private set; }
    public string ThemeKey { get; private set; } = "";
    public List<Guid> AttachedTo { get; private set; } = [];

    /// <summary>Newest date first, then id: inverted date so an ascending key reads newest first in both stores.</summary>
    public string SortKey { get; private set; } = "";

    public static bool IsValidReason(string? reason, bool required) =>
        reason is not null && reason.Length <= MaxReasonLength && (!required || !string.IsNullOrWhiteSpace(reason));

    public static KnowledgeItem Register(KnowledgeContent content, string changedBy, DateTimeOffset now)
    {
        KnowledgeRules.Check(content, now);
        var item = new KnowledgeItem { Id = Guid.NewGuid() };
        item.Apply(content);
        item.Record(KnowledgeRevision.Registered, [], "", changedBy, now);
        // No integration event: no other context consumes knowledge items yet.
        return item;
    }

    /// <summary>Replaces the content; false (nothing to save) when every field is the same.</summary>
    public bool Change(KnowledgeContent content, string reason, string changedBy, DateTimeOffset now)
    {
        if (Withdrawn) throw new DomainRuleException($"Knowledge item {Id} is withdrawn and can no longer be changed.", "KNOWLEDGE_ITEM_WITHDRAWN");
        KnowledgeRules.Check(content, now);
        if (!IsValidReason(reason, required: false)) throw new DomainRuleException($"A reason is at most {MaxReasonLength} characters.");
        var changed = content.FieldsChangedFrom(Content);
        if (changed.Count == 0) return false;
        Apply(content);
        Record(KnowledgeRevision.Changed, [.. changed], reason.Trim(), changedBy, now);
        return true;
    }

    public void Withdraw(string reason, string changedBy, DateTimeOffset now)
    {
        if (Withdrawn) throw new DomainRuleException($"Knowledge item {Id} is already withdrawn.", "KNOWLEDGE_ITEM_WITHDRAWN");
        if (!IsValidReason(reason, required: true)) throw new DomainRuleException($"A withdrawal needs a reason of 1-{MaxReasonLength} characters.");
        Withdrawn = true;
        Record(KnowledgeRevision.Withdrawn, [], reason.Trim(), changedBy, now);
    }

    private void Apply(KnowledgeContent content)
    {
        content.Title = content.Title.Trim();
        content.Summary = content.Summary.Trim();
        content.Body = content.Body.Trim();
        content.Theme = content.Theme.Trim();
        Content = content;
        CountryCode = content.CountryCode;
        Region = (int?)content.Region ?? 0;
        Kind = (int)content.Kind;
        StrategicObjective = content.StrategicObjective;
        ThemeKey = content.FoldedTheme();
        AttachedTo = [.. content.Attachments.Select(a => a.Id)];
        SortKey = $"{99999999 - DateKey(content.Date):D8}|{Id:N}";
    }

    /// <summary>The date as yyyymmdd, a number the search index can carry.</summary>
    public static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    // The version this save will produce: the store increments on every save.
    private void Record(string action, List<string> fields, string reason, string changedBy, DateTimeOffset now) =>
        Revisions.Add(new KnowledgeRevision { Version = Version + 1, ChangedAt = now, ChangedBy = changedBy, Action = action, ChangedFields = fields, Reason = reason });
}
