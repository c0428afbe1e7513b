using DecentWork.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DecentWork.Training.Tests;

internal static class CallerDisplay
{
    /// <summary>
    /// How the service should record this caller as the author of a change: the name the test gave
    /// the caller and the subject the identity service put in its token, as Caller.Display shows them.
    /// </summary>
    public static async Task<string> DisplayOfAsync(this ServiceInstance service, TestCaller caller)
    {
        var token = new JsonWebToken(await service.Identity.TokenAsync(caller));
        return $"{caller.Name} ({token.Subject})";
    }
}
