using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

/// <summary>Capacity built: training's running totals, ordered by revision.</summary>
public class ProgrammeTrainingTests
{
    private static readonly DateTimeOffset CountedAt = new(2008, 6, 30, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordTrainingCount_WhenFirst_KeepsTheTotalsAndRecordsWhoSentThem()
    {
        var programme = Draft();

        Assert.True(programme.RecordTrainingCount(1, 12, 60, CountedAt, new Change("system:training", Now)));

        var training = programme.Training!;
        Assert.Equal((1L, 12, 60, CountedAt), (training.Revision, training.ParticipantsTrained, training.ParticipantDays, training.CountedAt));
        var entry = programme.History.Last();
        Assert.Equal(("TrainingCounted", "system:training"), (entry.Action, entry.ChangedBy));
        Assert.Contains("12 trained, 60 participant-days", entry.Detail);
    }

    [Fact]
    public void RecordTrainingCount_WhenALaterRevisionArrives_ReplacesTheTotals()
    {
        var programme = Draft();
        programme.RecordTrainingCount(1, 12, 60, CountedAt, ByOfficer);

        Assert.True(programme.RecordTrainingCount(3, 10, 45, CountedAt.AddDays(1), ByOfficer));

        Assert.Equal((3L, 10, 45), (programme.Training!.Revision, programme.Training.ParticipantsTrained, programme.Training.ParticipantDays));
    }

    [Fact]
    public void RecordTrainingCount_WhenTheRevisionIsOlderOrTheSame_IsIgnored()
    {
        var programme = Draft();
        programme.RecordTrainingCount(5, 20, 100, CountedAt, ByOfficer);
        var historyBefore = programme.History.Count;

        Assert.False(programme.RecordTrainingCount(4, 99, 999, CountedAt.AddDays(1), ByOfficer));
        Assert.False(programme.RecordTrainingCount(5, 99, 999, CountedAt.AddDays(1), ByOfficer));

        Assert.Equal((5L, 20, 100), (programme.Training!.Revision, programme.Training.ParticipantsTrained, programme.Training.ParticipantDays));
        Assert.Equal(historyBefore, programme.History.Count);
    }

    [Fact]
    public void RecordTrainingCount_WhenNegativeOrWithoutRevision_IsNotPossible()
    {
        var programme = Draft();

        Assert.Contains("revision of 1 or more", Assert.Throws<DomainRuleException>(() => programme.RecordTrainingCount(0, 1, 1, CountedAt, ByOfficer)).Message);
        Assert.Contains("cannot be negative", Assert.Throws<DomainRuleException>(() => programme.RecordTrainingCount(1, -1, 0, CountedAt, ByOfficer)).Message);
        Assert.Throws<DomainRuleException>(() => programme.RecordTrainingCount(1, 0, -5, CountedAt, ByOfficer));
        Assert.Null(programme.Training);
    }

    [Fact]
    public void RecordTrainingCount_WhenEvaluated_IsStillAccepted()
    {
        var programme = Completed();
        programme.RecordEvaluation(EvaluationKind.Independent, new(2012, 1, 31), "Done", ByOfficer);

        Assert.True(programme.RecordTrainingCount(1, 175, 875, CountedAt, ByOfficer));
        Assert.Equal(175, programme.Training!.ParticipantsTrained);
    }
}
