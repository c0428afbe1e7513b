using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Programming.Tests;

/// <summary>Money mobilised, kept beside the programme: one record per approval, one total per programme.</summary>
public class ProgrammeFundingTests
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Change Funder = new("system:partnerships", "partnerships for Approvals officer (hq-17) (Netherlands)", Now);
    private static readonly Change Officer = new("officer-1", "Country officer", Now);
    private static readonly Dictionary<Guid, decimal> NoOutcomes = [];

    private static Programme WithOutcome(out Outcome outcome)
    {
        var programme = Programme.Register(Countries.ByCode["TZA"], "DWCP", new(2008, 1, 1), new(2011, 12, 31), Officer);
        var priority = programme.AddPriority("Jobs", Officer);
        outcome = programme.AddOutcome(priority.Id, "TZA101", "More jobs", StrategicObjective.Employment, 900_000m, Officer);
        return programme;
    }

    [Fact]
    public void IdFor_WhenTheSameApprovalArrivesTwice_IsTheSameIdSoTheStoreKeepsOne()
    {
        var approval = Guid.NewGuid();
        var programme = Guid.NewGuid();

        Assert.Equal(FundingContribution.IdFor(approval, programme), FundingContribution.Record(approval, programme, 5m, NoOutcomes, Funder).Id);
        Assert.Equal(FundingContribution.IdFor(approval, programme), FundingContribution.IdFor(approval, programme));
        Assert.NotEqual(FundingContribution.IdFor(approval, programme), FundingContribution.IdFor(approval, Guid.NewGuid()));
        Assert.NotEqual(FundingContribution.IdFor(approval, programme), FundingContribution.IdFor(Guid.NewGuid(), programme));
    }

    [Fact]
    public void Record_WhenAmountIsNotPositive_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingContribution.Record(Guid.NewGuid(), Guid.NewGuid(), -5m, NoOutcomes, Funder));

    [Fact]
    public void Add_WithOutcomeAllocations_CountsPerOutcomeAndTheGap()
    {
        var programme = WithOutcome(out var outcome);
        var funding = ProgrammeFunding.None(programme.Id);

        Assert.True(funding.Add(FundingContribution.Record(Guid.NewGuid(), programme.Id, 1_000_000m,
            new Dictionary<Guid, decimal> { [outcome.Id] = 400_000m, [Guid.NewGuid()] = 1m }, Funder)));
        Assert.True(funding.Add(FundingContribution.Record(Guid.NewGuid(), programme.Id, 0.25m,
            new Dictionary<Guid, decimal> { [outcome.Id] = 0.25m }, Funder)));

        Assert.Equal(1_000_000.25m, funding.MobilisedUsd);
        Assert.Equal(2, funding.ApprovalCount);
        Assert.Equal(400_000.25m, funding.MobilisedFor(outcome.Id));
        Assert.Equal(0m, funding.MobilisedFor(Guid.NewGuid()));
        Assert.Equal(-100_000.25m, funding.GapOf(programme));
    }

    [Fact]
    public void Add_WhenTheApprovalWasCountedInsideTheProgrammeBefore_IsNotCountedAgain()
    {
        var programme = WithOutcome(out _);
        var legacy = ProgrammeFunding.MovedFrom(programme);
        var counted = Guid.NewGuid();
        programme.FundingApprovalIds.Add(counted); // as a programme stored before the move holds it
        var moved = ProgrammeFunding.MovedFrom(programme);

        Assert.Empty(legacy.CountedInProgramme);
        Assert.False(moved.Add(FundingContribution.Record(counted, programme.Id, 7m, NoOutcomes, Funder)));
        Assert.Equal(0m, moved.MobilisedUsd);
        Assert.True(moved.Add(FundingContribution.Record(Guid.NewGuid(), programme.Id, 7m, NoOutcomes, Funder)));
        Assert.Equal(7m, moved.MobilisedUsd);
    }

    [Fact]
    public void ToHistoryEntry_ShowsTheApprovalAsTheProgrammesHistoryDid()
    {
        var approval = Guid.NewGuid();
        var entry = FundingContribution.Record(approval, Guid.NewGuid(), 900_000m, NoOutcomes, Funder).ToHistoryEntry();

        Assert.Equal("FundingRecorded", entry.Action);
        Assert.Equal($"approval {approval}: USD 900000", entry.Detail);
        Assert.Equal("system:partnerships", entry.ChangedBySubject);
        Assert.Equal("partnerships for Approvals officer (hq-17) (Netherlands)", entry.ChangedByName);
        Assert.Equal(Now, entry.ChangedAt);
    }
}
