using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Knowledge items between proto and domain; the content's field checks name each field as the caller sent it.</summary>
internal static class KnowledgeItemMapping
{
    /// <summary>The content, with every bad field named under <paramref name="prefix"/> ("content."); use it only when <paramref name="violations"/> stays empty.</summary>
    public static KnowledgeContent? FromProto(Contract.KnowledgeItemContent? proto, string prefix, DateTimeOffset now, FieldViolations violations)
    {
        var c = proto ?? new Contract.KnowledgeItemContent();
        var kind = ToDomain(c.Kind);
        violations.Check(kind is null, prefix + "kind", "is required: a good practice, a lesson learned or a document");
        violations.Check(!KnowledgeRules.IsValidTitle(c.Title), prefix + "title", $"is required and must be at most {KnowledgeRules.MaxTitleLength} characters");
        violations.Check(!KnowledgeRules.IsValidSummary(c.Summary), prefix + "summary", $"is required and must be at most {KnowledgeRules.MaxSummaryLength} characters");
        violations.Check(!KnowledgeRules.IsValidBody(c.Body), prefix + "body", $"must be at most {KnowledgeRules.MaxBodyLength} characters");
        var required = kind is { } k && KnowledgeRules.LinkRequired(k);
        violations.Check(c.Link.Length == 0 ? required : !KnowledgeRules.IsValidLink(c.Link), prefix + "link",
            (required ? "is required for a document and " : "") + $"must be an https URL of at most {KnowledgeRules.MaxLinkLength} characters");
        violations.Check(c.DocumentCategory.Length == 0 ? required : !KnowledgeRules.IsValidDocumentCategory(c.DocumentCategory), prefix + "document_category",
            (required ? "is required for a document and " : "") + "must be a code of the IATI DocumentCategory codelist, e.g. A01");
        violations.Check(!KnowledgeRules.IsValidLanguage(c.Language), prefix + "language", "is required: a code of the IATI Language codelist, e.g. en");
        var date = DateFields.Required(c.Date, prefix + "date", KnowledgeRules.FirstYear, 9999, violations);
        violations.Check(date is { } d && !KnowledgeRules.IsValidDate(d, now), prefix + "date", "must not be in the future");
        var country = c.CountryCode.Length == 0 ? null : violations.RequireCountry(c.CountryCode, prefix + "country_code");
        var region = ToDomain(c.Region);
        violations.Check(c.Region != Contract.Region.Unspecified && region is null, prefix + "region", "is not a region");
        violations.Check(!KnowledgeRules.RegionAgrees(country, region), prefix + "region", "must be the country's region (or left unset)");
        violations.Check(!KnowledgeRules.IsValidStrategicObjective(c.StrategicObjective), prefix + "strategic_objective", "must be 1-4, or 0 for none");
        violations.Check(!KnowledgeRules.IsValidTheme(c.Theme), prefix + "theme", $"must be at most {KnowledgeRules.MaxThemeLength} characters");
        violations.Check(c.Attachments.Count > KnowledgeRules.MaxAttachments, prefix + "attachments", $"must be at most {KnowledgeRules.MaxAttachments}");
        var attachments = new List<KnowledgeAttachment>();
        for (var i = 0; i < c.Attachments.Count; i++)
        {
            var a = c.Attachments[i];
            var attachment = new KnowledgeAttachment
            {
                Kind = (AttachmentKind)(int)a.Kind,
                Id = ProtoConvert.ToId(a.Id) ?? Guid.Empty,
                ProgrammeId = a.ProgrammeId.Length == 0 ? null : ProtoConvert.ToId(a.ProgrammeId) ?? Guid.Empty,
            };
            var field = $"{prefix}attachments[{i}]";
            violations.Check(!Enum.IsDefined(attachment.Kind), field + ".kind", "is required: programme, programme outcome, project or course");
            violations.Check(attachment.Id == Guid.Empty, field + ".id", "must be a UUID");
            violations.Check(attachment.Kind == AttachmentKind.ProgrammeOutcome ? attachment.ProgrammeId is null || attachment.ProgrammeId == Guid.Empty : a.ProgrammeId.Length > 0,
                field + ".programme_id", "is the outcome's programme UUID: required for an outcome, empty otherwise");
            violations.Check(attachment.Id != Guid.Empty && attachments.Any(x => x.Id == attachment.Id), field + ".id", "is attached twice");
            attachments.Add(attachment);
        }
        // The caller throws on any violation before using the content; null only where a part could not be read.
        if (kind is null || date is null || (c.CountryCode.Length > 0 && country is null)) return null;
        return new KnowledgeContent
        {
            Kind = kind!.Value, Title = c.Title, Summary = c.Summary, Body = c.Body, Link = c.Link, DocumentCategory = c.DocumentCategory,
            Language = c.Language, Date = date!.Value, CountryCode = country?.Code ?? "", Region = country?.Region ?? region,
            StrategicObjective = c.StrategicObjective, Theme = c.Theme, Attachments = attachments,
        };
    }

    public static Contract.KnowledgeItem ToProto(KnowledgeItem item) => new()
    {
        Id = item.Id.ToString(),
        Version = item.Version,
        Withdrawn = item.Withdrawn,
        Content = ToProto(item.Content),
        Revisions =
        {
            item.Revisions.Select(r => new Contract.KnowledgeItemRevision
            {
                Version = r.Version, ChangedAt = ProtoConvert.ToTimestamp(r.ChangedAt), ChangedBy = r.ChangedBy, Action = r.Action,
                ChangedFields = { r.ChangedFields }, Reason = r.Reason,
            }),
        },
    };

    private static Contract.KnowledgeItemContent ToProto(KnowledgeContent c) => new()
    {
        Kind = (Contract.KnowledgeItemKind)(int)c.Kind, Title = c.Title, Summary = c.Summary, Body = c.Body, Link = c.Link,
        DocumentCategory = c.DocumentCategory, Language = c.Language, Date = ProtoConvert.ToDate(c.Date), CountryCode = c.CountryCode,
        Region = ToProto(c.Region), StrategicObjective = c.StrategicObjective, Theme = c.Theme,
        Attachments =
        {
            c.Attachments.Select(a => new Contract.Attachment
            {
                Kind = (Contract.AttachmentKind)(int)a.Kind, Id = a.Id.ToString(), ProgrammeId = a.ProgrammeId?.ToString() ?? "",
            }),
        },
    };

    public static KnowledgeKind? ToDomain(Contract.KnowledgeItemKind kind) =>
        Enum.IsDefined((KnowledgeKind)(int)kind) ? (KnowledgeKind)(int)kind : null;

    public static IloRegion? ToDomain(Contract.Region region) => Enum.IsDefined((IloRegion)(int)region) ? (IloRegion)(int)region : null;

    public static Contract.Region ToProto(IloRegion? region) => region is { } r ? (Contract.Region)(int)r : Contract.Region.Unspecified;
}
