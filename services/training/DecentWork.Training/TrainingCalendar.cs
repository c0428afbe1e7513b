namespace DecentWork.Training;

/// <summary>
/// What day it is for training's date rules (an edition is marked held only once it has taken
/// place). In production it reads the service's clock. Tests set it (a FakeTimeProvider) to a day
/// after the editions they hold, instead of scheduling editions in the past: it is a clock of its
/// own so that setting it leaves alone the one that times the outbox, the health samples and the
/// records' timestamps, which must keep running at real time.
/// </summary>
public sealed class TrainingCalendar(TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
}
