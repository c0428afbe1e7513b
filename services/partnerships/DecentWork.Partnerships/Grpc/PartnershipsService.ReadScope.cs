using DecentWork.Partnerships.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Which records the caller may read, from its token (see <see cref="ReadScope"/>).</summary>
public sealed partial class PartnershipsService
{
    /// <summary>The roles that read every partner's records.</summary>
    private static readonly string[] AllPartnersRoles = [Roles.ProgrammeStaff, Roles.Auditor];

    /// <summary>
    /// Everything for programme staff and auditors; for a partner agency, the partner its
    /// <c>partner</c> claim names, matched as the unique-name rule matches names; nothing for any
    /// other caller, so a role added to the read policies later starts with nothing, not everything.
    /// </summary>
    private async Task<ReadScope> ReadScopeAsync(ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (caller.HasAnyRole(AllPartnersRoles)) return ReadScope.Everything;
        if (!caller.HasRole(Roles.Partner) || caller.Partner is not { } name) return ReadScope.Nothing;
        return await partners.FindByNameAsync(name, context.CancellationToken) is { } partner
            ? ReadScope.OfPartner(partner.Id)
            : ReadScope.Nothing;
    }
}
