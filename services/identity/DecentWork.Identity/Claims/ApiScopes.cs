namespace DecentWork.Identity.Claims;

/// <summary>
/// One scope per API service and the resource (token audience) it stands for. A token request
/// naming no API scope gets all four: the platform's callers mostly use several services at once.
/// </summary>
public static class ApiScopes
{
    public static readonly IReadOnlyDictionary<string, string> Resources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["programming"] = "decentwork-programming",
        ["coordination"] = "decentwork-coordination",
        ["partnerships"] = "decentwork-partnerships",
        ["training"] = "decentwork-training",
    };

    /// <summary>The requested scopes, plus all four API scopes when none was named.</summary>
    public static IReadOnlyList<string> Grant(IEnumerable<string> requested)
    {
        var scopes = requested.Distinct(StringComparer.Ordinal).ToList();
        if (!scopes.Any(Resources.ContainsKey)) scopes.AddRange(Resources.Keys);
        return scopes;
    }

    public static IEnumerable<string> ResourcesOf(IEnumerable<string> scopes) =>
        scopes.Where(Resources.ContainsKey).Select(scope => Resources[scope]);
}
