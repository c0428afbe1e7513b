namespace DecentWork.ServiceDefaults.Hosting;

/// <summary>
/// System time truncated to the millisecond, the precision both stores keep, so what a write
/// returns equals what a later read returns.
/// </summary>
public sealed class MillisecondClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = base.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
