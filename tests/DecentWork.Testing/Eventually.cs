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
}
