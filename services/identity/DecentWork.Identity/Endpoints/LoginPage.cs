using System.Text.Encodings.Web;
using DecentWork.Identity.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace DecentWork.Identity.Endpoints;

/// <summary>
/// GET/POST /account/login: a plain HTML form with an antiforgery token. Every failure (unknown
/// name, wrong password, locked out) gets the same message, so the page never tells whether an
/// account exists: only a real account can be locked, so a lockout message of its own would.
/// </summary>
public static class LoginPage
{
    public const string Path = "/account/login";
    public const string InvalidMessage = "Invalid user name or password. After repeated failures an account is locked for a while: try again later.";

    private static readonly Account Decoy = new();
    private static readonly string DecoyHash = new PasswordHasher<Account>().HashPassword(Decoy, Guid.NewGuid().ToString());

    public static void MapLoginPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(context, antiforgery, returnUrl, error: null));
        endpoints.MapPost(Path, PostAsync);
    }

    private static async Task<IResult> PostAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<Account> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
        var form = await context.Request.ReadFormAsync();
        string userName = form["username"].ToString(), password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();

        var account = string.IsNullOrEmpty(userName) ? null : await signIn.UserManager.FindByNameAsync(userName);
        SignInResult result;
        if (account is null || account.IsServiceAccount)
        {
            // Hash anyway, so an unknown name takes as long to refuse as a wrong password.
            // Service accounts have no password and never sign in here.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash, password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        }
        if (result.Succeeded) return Results.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/");
        return Page(context, antiforgery, returnUrl, InvalidMessage);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var message = error is null ? "" : $"<p role=\"alert\">{html.Encode(error)}</p>";
        var body = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in - DecentWork</title></head>
            <body><main>
            <h1>Sign in to DecentWork</h1>
            {{message}}
            <form method="post" action="{{Path}}">
              <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken!)}}">
              <input type="hidden" name="returnUrl" value="{{html.Encode(LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/")}}">
              <label>User name <input name="username" autocomplete="username" required></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            </main></body></html>
            """;
        return Results.Content(body, "text/html; charset=utf-8");
    }
}
