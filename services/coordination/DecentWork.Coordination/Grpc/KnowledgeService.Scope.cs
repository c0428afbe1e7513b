using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// Who sees and writes which items: the global roles every item; a caller whose token names
/// countries (country office, constituent) the global items and its countries' items, and writes
/// only its countries' items. Every read, list, search, report and change goes through here.
/// </summary>
public sealed partial class KnowledgeService
{
    /// <summary>The roles that see every country's knowledge.</summary>
    public static readonly string[] GlobalRoles = [Roles.ProgrammeStaff, Roles.QaReviewer, Roles.UnCoordination, Roles.TrainingCentre, Roles.Auditor];

    /// <summary>The countries the caller sees, or null for all; global items ("" country) are seen by everyone.</summary>
    private static IReadOnlySet<string>? ScopeOf(Caller caller) => caller.CountryScope(GlobalRoles);

    private static bool MaySee(Caller caller, KnowledgeItem item) =>
        item.Content.CountryCode.Length == 0 || caller.MaySeeCountry(item.Content.CountryCode, GlobalRoles);

    /// <summary>The item if the caller may see it; another country's answers exactly as an unknown id, so existence does not leak.</summary>
    private async Task<KnowledgeItem> FindVisibleAsync(Guid id, string requestedId, Caller caller, CancellationToken cancellationToken)
    {
        var item = await items.FindAsync(id, cancellationToken);
        if (item is null || !MaySee(caller, item)) throw new NotFoundException("Knowledge item", requestedId);
        return item;
    }

    /// <summary>A scoped caller writes its own countries' items only: never another country's, never a global one.</summary>
    private static void EnsureMayWrite(Caller caller, string countryCode)
    {
        if (ScopeOf(caller) is not { } scope) return;
        if (countryCode.Length == 0)
            throw new PermissionRuleException("KNOWLEDGE_ITEM_GLOBAL", "Only a role that sees every country records a global or regional item; name one of your countries.");
        if (!scope.Contains(countryCode))
            throw new PermissionRuleException("KNOWLEDGE_ITEM_OUT_OF_SCOPE", $"Your access token does not cover {countryCode}.",
                new Dictionary<string, string> { ["country_code"] = countryCode });
    }
}
