using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.History;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>The field-level diff every history record carries: readable paths, old → new, nothing secret.</summary>
public sealed class HistoryDiffTests
{
    private static readonly Guid First = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Second = Guid.Parse("22222222-2222-2222-2222-222222222222");

    [Fact]
    public void Between_WhenAnItemWithAnIdChanges_NamesItByIdAndField()
    {
        var before = Plan.With(new Step(First, "Draft", 1), new Step(Second, "Consult", 2));
        var after = Plan.With(new Step(First, "Draft", 1), new Step(Second, "Consult constituents", 2));

        var change = Assert.Single(HistoryDiff.Between(before, after));

        Assert.Equal($"steps[id={Second}].title", change.Path);
        Assert.Equal(("Consult", "Consult constituents"), (change.Old, change.New));
    }

    [Fact]
    public void Between_WhenItemsAreAddedAndRemoved_ShowsEachWholeItemAgainstNull()
    {
        var before = Plan.With(new Step(First, "Draft", 1));
        var after = Plan.With(new Step(Second, "Consult", 2));

        var changes = HistoryDiff.Between(before, after);

        Assert.Equal([$"steps[id={First}]", $"steps[id={Second}]"], changes.Select(c => c.Path));
        Assert.Null(changes[0].New);
        Assert.Contains("\"title\":\"Draft\"", changes[0].Old);
        Assert.Null(changes[1].Old);
        Assert.Contains("\"order\":2", changes[1].New);
    }

    [Fact]
    public void Between_WhenListItemsHaveNoIds_ComparesObjectsByPositionAndPlainValuesWhole()
    {
        var before = Plan.With();
        before.Notes.Add(new Note("a"));
        before.Tags.AddRange(["jobs", "youth"]);
        var after = Plan.With();
        after.Notes.AddRange([new Note("b"), new Note("c")]);
        after.Tags.AddRange(["jobs", "gender", "youth"]);

        var changes = HistoryDiff.Between(before, after);

        Assert.Equal(["notes[0].text", "notes[1]", "tags"], changes.Select(c => c.Path));
        Assert.Equal(("a", "b"), (changes[0].Old, changes[0].New));
        Assert.Equal((null, "{\"text\":\"c\"}"), (changes[1].Old, changes[1].New));
        Assert.Equal(("[\"jobs\",\"youth\"]", "[\"jobs\",\"gender\",\"youth\"]"), (changes[2].Old, changes[2].New));
    }

    [Fact]
    public void Between_WhenValuesBecomeNullOrNestedFieldsChange_ShowsNullAsAbsentAndNestedPaths()
    {
        var before = Plan.With();
        before.Owner = new Owner("Amina", "amina@example.org");
        before.DueOn = new DateOnly(2011, 12, 31);
        var after = Plan.With();
        after.Owner = new Owner("Amina", "a.diallo@example.org");

        var changes = HistoryDiff.Between(before, after);

        Assert.Equal(["dueOn", "owner.email"], changes.Select(c => c.Path));
        Assert.Equal(("2011-12-31", null), (changes[0].Old, changes[0].New));
        Assert.Equal(("amina@example.org", "a.diallo@example.org"), (changes[1].Old, changes[1].New));
    }

    [Fact]
    public void Between_WhenAValueIsLong_TruncatesItWithTheMarker()
    {
        var before = Plan.With();
        var after = Plan.With();
        after.Summary = new string('x', 1_000);

        var change = Assert.Single(HistoryDiff.Between(before, after));

        Assert.Equal(HistoryDiff.MaxValueLength + HistoryDiff.TruncatedMarker.Length, change.New!.Length);
        Assert.EndsWith(HistoryDiff.TruncatedMarker, change.New);
        Assert.Equal("", change.Old);
    }

    [Fact]
    public void Between_WhenASecretOrAComputedValueChanges_RecordsNothingOfIt()
    {
        var before = Plan.With(new Step(First, "Draft", 1));
        var after = Plan.With(new Step(First, "Draft", 1));
        after.ApiKey = "s3cr3t-value";

        Assert.Empty(HistoryDiff.Between(before, after));
        Assert.DoesNotContain(HistoryDiff.Between<Plan>(null, after), c => c.Path == "apiKey" || c.Path == "stepCount" || c.Path == "version");
    }

    [Fact]
    public void Between_WhenAPersonalValueIsAddedOrChanged_ShowsItRedacted()
    {
        var first = new Contact { Role = "Trainer", Email = "ana@example.org" };
        var second = new Contact { Role = "Trainer", Email = "ana.silva@example.org" };

        Assert.Equal([("role", "Trainer"), ("email", PersonalDataAttribute.Redacted)], HistoryDiff.Between(null, first).Select(c => (c.Path, c.New)));
        Assert.Empty(HistoryDiff.Between(first, second));
        Assert.Equal([("email", PersonalDataAttribute.Redacted, "")], HistoryDiff.Between(first, new Contact { Role = "Trainer" }).Select(c => (c.Path, c.Old, c.New)));
    }

    public sealed class Contact
    {
        public string Role { get; set; } = "";
        [PersonalData] public string Email { get; set; } = "";
    }

    [Fact]
    public void Between_WhenNew_ListsEveryFieldWithItsFirstValueAndEnumsByName()
    {
        var created = Plan.With(new Step(First, "Draft", 1));
        created.Status = PlanStatus.Approved;

        var changes = HistoryDiff.Between<Plan>(null, created);

        Assert.All(changes, c => Assert.Null(c.Old));
        Assert.Contains(changes, c => c is { Path: "status", New: "Approved" });
        Assert.Contains(changes, c => c.Path == "steps" && c.New!.Contains(First.ToString()));
    }

    public enum PlanStatus { Draft, Approved }

    public sealed record Step(Guid Id, string Title, int Order);

    public sealed record Note(string Text);

    public sealed record Owner(string Name, string Email);

    private sealed class Plan : Aggregate
    {
        public string Summary { get; set; } = "";
        public PlanStatus Status { get; set; }
        public DateOnly? DueOn { get; set; }
        public Owner? Owner { get; set; }
        public List<Step> Steps { get; set; } = [];
        public List<Note> Notes { get; } = [];
        public List<string> Tags { get; } = [];
        [NotInHistory] public string ApiKey { get; set; } = "";
        public int StepCount => Steps.Count;

        public static Plan With(params Step[] steps)
        {
            var plan = new Plan { Id = First };
            plan.Steps.AddRange(steps);
            return plan;
        }
    }
}
