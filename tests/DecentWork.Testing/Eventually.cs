using Grpc.Core;

namespace DecentWork.Testing;

/// <summary>Waits for an asynchronous outcome (an event crossing the broker) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}; last value: {last}");
    }

    /// <summary>
    /// Repeats a call that names a record another service announces by event (a programme, an
    /// outcome) while the callee answers FAILED_PRECONDITION or NOT_FOUND because the event has not
    /// reached it yet; any other answer, success or error, is returned or thrown at once.
    /// </summary>
    public static async Task<T> WhenKnown<T>(Func<Task<T>> call, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last answer: {e.Status}", e);
            }
        }
    }
}
