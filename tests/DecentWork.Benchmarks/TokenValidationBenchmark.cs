using System.Diagnostics;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DecentWork.Benchmarks;

/// <summary>
/// What validating an access token costs one call, in isolation: the same handler and checks the
/// services' JWT bearer runs (signature against the identity service's JWKS, issuer, audience,
/// lifetime), on a real token, many times in this process. The services and the gateway cannot
/// run without validation, so this is the honest way to put a number on it.
/// </summary>
public sealed class TokenValidationBenchmark(Uri identity, string token, TextWriter output)
{
    private const int Validations = 20_000;

    public async Task RunAsync()
    {
        using var http = new HttpClient { BaseAddress = identity };
        var keys = new JsonWebKeySet(await http.GetStringAsync(".well-known/jwks"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = identity.ToString(),
            ValidAudiences = ["decentwork-programming"],
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = ["RS256"],
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        var handler = new JsonWebTokenHandler();
        for (var i = 0; i < 500; i++) await ValidateAsync(handler, parameters); // warm-up
        var latencies = new List<double>(Validations);
        for (var i = 0; i < Validations; i++)
        {
            var one = Stopwatch.StartNew();
            await ValidateAsync(handler, parameters);
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        output.WriteLine($"Token validation (RS256, {token.Length} bytes, {Validations} times): " +
            $"p50 {latencies[Validations / 2]:F3} ms, p99 {latencies[(int)(Validations * 0.99)]:F3} ms");
    }

    private async Task ValidateAsync(JsonWebTokenHandler handler, TokenValidationParameters parameters)
    {
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) throw new InvalidOperationException("The benchmark's token did not validate.", result.Exception);
    }
}
