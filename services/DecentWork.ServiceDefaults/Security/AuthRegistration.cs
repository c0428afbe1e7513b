using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// Standard JWT bearer validation against the configured OpenID Connect provider, the policies
/// of <see cref="AccessPolicies"/>, and a fallback policy that denies: an endpoint that names no
/// policy is closed, not open.
/// </summary>
public static class AuthRegistration
{
    public static IServiceCollection AddDecentWorkAuth(this IServiceCollection services, IConfiguration configuration,
        IReadOnlyList<string> defaultAudiences)
    {
        var settings = IdentitySettings.From(configuration, defaultAudiences);
        services.AddSingleton(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.Authority = settings.Authority.ToString();
            jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            // Claims keep the provider's names; CallerClaims maps them once, below.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.ValidAudiences = settings.Audiences;
            jwt.TokenValidationParameters.ValidateAudience = true;
            jwt.TokenValidationParameters.ValidateIssuer = true;
            jwt.TokenValidationParameters.ValidateLifetime = true;
            jwt.TokenValidationParameters.RequireSignedTokens = true;
            jwt.TokenValidationParameters.RequireExpirationTime = true;
            jwt.TokenValidationParameters.ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "ES256"];
            jwt.TokenValidationParameters.ClockSkew = settings.ClockSkew;
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    context.Principal!.AddIdentity(CallerClaims.Canonical(context.Principal, settings.Claims));
                    return Task.CompletedTask;
                },
            };
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationAnswers>();
        var authorization = services.AddAuthorizationBuilder()
            // Nothing is open by default; an authenticated caller on a path no route serves (or with a
            // verb it lacks) is let through only to be told 404/405 (StatusCodeAnswers): it reaches nothing.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(context => context.Resource is HttpContext http && ServesNothing(http)).Build());
        foreach (var (policy, roles) in AccessPolicies.Matrix)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                CallerClaims.Of(context.User) is { } caller && roles.Any(role => caller.HasClaim(CallerClaims.Role, role))));
        return services;
    }

    /// <summary>No endpoint matched, or only routing's own 405 endpoint (which has no metadata type of its own, only this name).</summary>
    private static bool ServesNothing(HttpContext http) =>
        http.GetEndpoint() is not { } endpoint || endpoint.DisplayName == "405 HTTP Method Not Supported";
}
