using Microsoft.AspNetCore.Identity;

namespace DecentWork.Identity.Data;

/// <summary>
/// Every caller is an account: a person who signs in on the login page, or the service account
/// of a client-credentials client (UserName = client_id, no password). Roles, countries, partner
/// and constituent group are user claims, so one claim builder serves both.
/// </summary>
public sealed class Account : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>True for a client's service account: it has no password and never signs in on the page.</summary>
    public bool IsServiceAccount { get; set; }
}
