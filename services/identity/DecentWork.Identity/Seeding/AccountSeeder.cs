using System.Security.Claims;
using System.Text.RegularExpressions;
using DecentWork.Identity.Claims;
using DecentWork.Identity.Data;
using DecentWork.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;

namespace DecentWork.Identity.Seeding;

/// <summary>Creates or updates an account and makes its seeded claims exactly the seed's.</summary>
internal static partial class AccountSeeder
{
    public static async Task<Account> UpsertAsync(
        UserManager<Account> users, string userName, SeedAccount seed, bool serviceAccount, string? password)
    {
        var claims = ClaimsOf(userName, seed);
        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            account = new Account { UserName = userName, DisplayName = seed.DisplayName, IsServiceAccount = serviceAccount };
            Check(await users.CreateAsync(account), userName);
        }
        else if (account.IsServiceAccount != serviceAccount)
        {
            throw new InvalidOperationException($"Seed account '{userName}' is both a client and a user.");
        }
        else
        {
            account.DisplayName = seed.DisplayName;
            Check(await users.UpdateAsync(account), userName);
        }

        if (password is not null)
        {
            if (await users.HasPasswordAsync(account)) Check(await users.RemovePasswordAsync(account), userName);
            Check(await users.AddPasswordAsync(account, password), userName);
        }

        var existing = (await users.GetClaimsAsync(account)).Where(c => SeededClaims.Types.Contains(c.Type)).ToList();
        if (existing.Count > 0) Check(await users.RemoveClaimsAsync(account, existing), userName);
        if (claims.Count > 0) Check(await users.AddClaimsAsync(account, claims), userName);
        return account;
    }

    private static List<Claim> ClaimsOf(string userName, SeedAccount seed)
    {
        var unknown = seed.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Seed account '{userName}' names unknown roles: {string.Join(", ", unknown)}.");
        var countries = seed.Countries.Select(c => c.Trim().ToUpperInvariant()).ToList();
        if (countries.Any(c => !CountryCode().IsMatch(c)))
            throw new InvalidOperationException($"Seed account '{userName}' has a country that is not an ISO 3166-1 alpha-3 code.");
        if (seed.ConstituentGroup is { } group && !SeededClaims.ConstituentGroups.Contains(group))
            throw new InvalidOperationException($"Seed account '{userName}' has an unknown constituent group '{group}'.");

        var claims = seed.Roles.Distinct().Select(r => new Claim(CallerClaims.Role, r))
            .Concat(countries.Distinct().Select(c => new Claim(CallerClaims.Country, c)))
            .ToList();
        if (!string.IsNullOrWhiteSpace(seed.Partner)) claims.Add(new Claim(CallerClaims.Partner, seed.Partner));
        if (!string.IsNullOrWhiteSpace(seed.ConstituentGroup)) claims.Add(new Claim(CallerClaims.ConstituentGroup, seed.ConstituentGroup));
        return claims;
    }

    private static void Check(IdentityResult result, string userName)
    {
        // Identity's messages (password rules) say nothing secret; they go to the operator's log only.
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Seeding account '{userName}' failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CountryCode();
}
