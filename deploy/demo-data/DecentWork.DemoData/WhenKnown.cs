using Grpc.Core;

namespace DecentWork.DemoData;

/// <summary>
/// Services learn of each other's records from events, a moment after they are written: a call that
/// names a programme or outcome another service has just created is retried until the event arrives.
/// </summary>
public static class WhenKnown
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await call(); }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound && attempt < 120)
            {
                await Task.Delay(250);
            }
        }
    }
}
