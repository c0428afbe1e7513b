using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Storage;

/// <summary>Finding a partner by name as the unique-name rule compares names (<see cref="Partner.Normalize"/>).</summary>
public static class PartnerNames
{
    public static async Task<Partner?> FindByNameAsync(this IAggregateStore<Partner> partners, string name, CancellationToken cancellationToken)
    {
        var normalized = Partner.Normalize(name);
        var found = await partners.QueryAsync(p => p.NormalizedName == normalized, new SortOrder<Partner>(p => p.SortKey), 0, 1, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }
}
