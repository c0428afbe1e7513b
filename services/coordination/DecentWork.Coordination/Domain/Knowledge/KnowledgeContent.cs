using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Domain.Knowledge;

public enum KnowledgeKind
{
    GoodPractice = 1,
    LessonLearned = 2,
    Document = 3,
}

public enum AttachmentKind
{
    Programme = 1,
    ProgrammeOutcome = 2,
    Project = 3,
    Course = 4,
}

/// <summary>
/// A reference by id to work another service owns. Deliberately not checked against that service
/// and never removed when the work is withdrawn: knowledge outlives the work it came from, so a
/// dangling reference is kept as the author wrote it and shown as is. Settable so both stores map it.
/// </summary>
public sealed class KnowledgeAttachment
{
    public AttachmentKind Kind { get; set; }
    public Guid Id { get; set; }
    /// <summary>An outcome's programme; null for the other kinds.</summary>
    public Guid? ProgrammeId { get; set; }
}

/// <summary>
/// Everything a registration or a change states about an item: the unit the rules check and a
/// change replaces whole. Settable so both stores map it; <see cref="KnowledgeRules.Check"/> is
/// the only way into an item.
/// </summary>
public sealed class KnowledgeContent
{
    public KnowledgeKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public string DocumentCategory { get; set; } = "";
    public string Language { get; set; } = "";
    public DateOnly Date { get; set; }
    /// <summary>"" for a regional or global item.</summary>
    public string CountryCode { get; set; } = "";
    /// <summary>Derived from the country when there is one; null for a global item.</summary>
    public IloRegion? Region { get; set; }
    /// <summary>1-4, or 0 for none.</summary>
    public int StrategicObjective { get; set; }
    public string Theme { get; set; } = "";
    public List<KnowledgeAttachment> Attachments { get; set; } = [];

    /// <summary>The theme as filters compare it (case, accents, width and spacing folded). A method, so neither store persists it.</summary>
    public string FoldedTheme() => SearchText.Fold(Theme);

    /// <summary>The names (as in the proto) of the fields that differ from <paramref name="other"/>.</summary>
    public IReadOnlyList<string> FieldsChangedFrom(KnowledgeContent other)
    {
        var changed = new List<string>();
        void Compare(bool differs, string field) { if (differs) changed.Add(field); }
        Compare(Kind != other.Kind, "kind");
        Compare(Title != other.Title, "title");
        Compare(Summary != other.Summary, "summary");
        Compare(Body != other.Body, "body");
        Compare(Link != other.Link, "link");
        Compare(DocumentCategory != other.DocumentCategory, "document_category");
        Compare(Language != other.Language, "language");
        Compare(Date != other.Date, "date");
        Compare(CountryCode != other.CountryCode, "country_code");
        Compare(Region != other.Region, "region");
        Compare(StrategicObjective != other.StrategicObjective, "strategic_objective");
        Compare(Theme != other.Theme, "theme");
        Compare(!Attachments.Select(Key).SequenceEqual(other.Attachments.Select(Key)), "attachments");
        return changed;
    }

    private static string Key(KnowledgeAttachment a) => $"{a.Kind}:{a.Id:N}:{a.ProgrammeId:N}";
}
