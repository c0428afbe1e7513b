using System.Linq.Expressions;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// Which programmes a caller sees: all of them for the global roles, else those of the countries
/// in the token. Every read, report and change goes through one of the two methods here.
/// </summary>
public sealed partial class ProgrammingService
{
    /// <summary>The roles that see every country; country offices and constituents see their own.</summary>
    public static readonly string[] GlobalRoles = [Roles.ProgrammeStaff, Roles.QaReviewer, Roles.Auditor];

    /// <summary>
    /// The programme, if the caller may see it. One outside the caller's countries answers exactly
    /// as an unknown id does, so a caller cannot learn that it exists.
    /// </summary>
    private async Task<Programme> FindVisibleAsync(Guid id, string requestedId, Caller caller, CancellationToken cancellationToken)
    {
        var programme = await programmes.FindAsync(id, cancellationToken);
        if (programme is null || !caller.MaySeeCountry(programme.CountryCode, GlobalRoles))
            throw new NotFoundException("Programme", requestedId);
        return programme;
    }

    /// <summary>The list and report condition for the caller's countries; null when the caller sees all.</summary>
    private static Expression<Func<Programme, bool>>? VisibleTo(Caller caller)
    {
        if (caller.CountryScope(GlobalRoles) is not { } scope) return null;
        // No programme has an empty country: a token naming no country sees nothing.
        if (scope.Count == 0) return p => p.CountryCode == "";
        var countries = scope.ToList();
        return p => countries.Contains(p.CountryCode);
    }
}
