using Grpc.Core;

namespace DecentWork.Testing;

/// <summary>
/// One RPC of a service with the policy it is meant to name, called with an empty request.
/// Authorisation answers before the handler runs, so a refused caller changes nothing, and an
/// admitted one gets the handler's own answer (OK, INVALID_ARGUMENT, NOT_FOUND...).
/// </summary>
public sealed record ServiceRpc<TClient>(string Name, string Policy, Func<TClient, Task> Call)
{
    public override string ToString() => Name;

    /// <summary>The status a call answers with: OK, or the RpcException's code.</summary>
    public async Task<StatusCode> StatusOf(TClient client)
    {
        try
        {
            await Call(client);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}

/// <summary>A service's RPC→policy table for <see cref="ServiceAccessTests{TFixture, TClient, TRpcs}"/>: every RPC of the service.</summary>
public interface IServiceRpcs<TClient>
{
    static abstract IReadOnlyList<ServiceRpc<TClient>> All { get; }
}
