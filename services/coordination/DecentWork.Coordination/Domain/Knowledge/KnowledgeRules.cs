using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// The rules a knowledge item's content obeys, as small named checks the gRPC layer turns into
/// field violations and the aggregate enforces again (so no caller can store content that breaks them).
/// </summary>
public static class KnowledgeRules
{
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 2000;
    public const int MaxBodyLength = 20000;
    public const int MaxLinkLength = 2000;
    public const int MaxThemeLength = 80;
    public const int MaxAttachments = 20;
    public const int FirstYear = 1919;

    public static bool IsValidTitle(string? title) => IsText(title, MaxTitleLength, required: true);
    public static bool IsValidSummary(string? summary) => IsText(summary, MaxSummaryLength, required: true);
    public static bool IsValidBody(string? body) => IsText(body, MaxBodyLength, required: false);
    public static bool IsValidTheme(string? theme) => IsText(theme, MaxThemeLength, required: false);

    /// <summary>An absolute https URL with a host: a link readers can follow safely (no http, javascript: or file:).</summary>
    public static bool IsValidLink(string? link) =>
        link is { Length: > 0 and <= MaxLinkLength }
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && !link.Any(char.IsWhiteSpace);

    /// <summary>A document must say where it is and what it is; the other kinds may.</summary>
    public static bool LinkRequired(KnowledgeKind kind) => kind == KnowledgeKind.Document;

    public static bool IsValidDocumentCategory(string? code) => Codelists.DocumentCategory.Allows(code);

    public static bool IsValidLanguage(string? code) => Codelists.Language.Allows(code);

    public static bool IsValidStrategicObjective(int objective) => objective is >= 0 and <= 4;

    /// <summary>Not before the organisation existed, not in the future (a day's grace for time zones, as DateRules allows).</summary>
    public static bool IsValidDate(DateOnly date, DateTimeOffset now) => date.Year >= FirstYear && !DateRules.IsInFuture(date, now);

    /// <summary>A country's region is the reference data's; a region given beside it must agree.</summary>
    public static bool RegionAgrees(Country? country, IloRegion? region) => country is null || region is null || country.Region == region;

    /// <summary>Each attachment once; an outcome names its programme, the other kinds do not.</summary>
    public static bool IsValidAttachment(KnowledgeAttachment attachment) =>
        Enum.IsDefined(attachment.Kind) && attachment.Id != Guid.Empty
        && (attachment.Kind == AttachmentKind.ProgrammeOutcome ? attachment.ProgrammeId is { } p && p != Guid.Empty : attachment.ProgrammeId is null);

    /// <summary>Throws when the content breaks any rule; the gRPC layer has already named the fields, so this guards the aggregate.</summary>
    public static void Check(KnowledgeContent content, DateTimeOffset now)
    {
        Countries.TryFind(content.CountryCode, out var country);
        var valid = Enum.IsDefined(content.Kind)
            && IsValidTitle(content.Title) && IsValidSummary(content.Summary) && IsValidBody(content.Body) && IsValidTheme(content.Theme)
            && (content.Link.Length == 0 ? !LinkRequired(content.Kind) : IsValidLink(content.Link))
            && (content.DocumentCategory.Length == 0 ? !LinkRequired(content.Kind) : IsValidDocumentCategory(content.DocumentCategory))
            && IsValidLanguage(content.Language) && IsValidDate(content.Date, now) && IsValidStrategicObjective(content.StrategicObjective)
            && (content.CountryCode.Length == 0 || country is not null) && RegionAgrees(country, content.Region)
            && content.Attachments.Count <= MaxAttachments && content.Attachments.All(IsValidAttachment)
            && content.Attachments.Select(a => a.Id).Distinct().Count() == content.Attachments.Count;
        if (!valid) throw new DomainRuleException("The knowledge item's content breaks the catalogue's rules.");
    }

    private static bool IsText(string? text, int max, bool required) =>
        text is not null && text.Length <= max && (!required || !string.IsNullOrWhiteSpace(text));
}
