using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DecentWork.Identity.Data;

/// <summary>ASP.NET Core Identity's tables and OpenIddict's (applications, scopes, authorizations, tokens) in one SQLite file.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<Account>(options);
