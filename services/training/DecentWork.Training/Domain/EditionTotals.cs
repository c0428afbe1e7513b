using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// The editions' additive training figures, kept by the store with every edition saved (an
/// enrolment, attendance, a link or a fellowship is a save of its edition). Year first, so a
/// period is one key range: "t|year|course|edition linked to a DWCP (0/1)|to an outcome (0/1)"
/// holds who was trained and how many editions were held; "f|year|partner" the fellowships of
/// enrolments not withdrawn. The participant, linked-training, course and fellowship reports read
/// these, never the editions: their cost grows with years × courses, not with enrolments.
/// Course links are the course's own and are looked up per course, as before.
/// </summary>
public sealed class EditionTotals : Projection<Edition>
{
    public const string ProjectionName = "edition-totals";
    internal const string Participants = "participants", Days = "days", Female = "female", EmployersAndWorkers = "ew",
        Certified = "certified", Held = "held", Usd = "usd", GroupPrefix = "g";

    public override string Name => ProjectionName;

    public override void Contribute(Edition edition, Contributions contributions)
    {
        var year = Year(edition.StartYear);
        var key = BucketKey.Of("t", year, edition.CourseId.ToString("N"), Flag(edition.LinkedProgrammeIds.Count > 0), Flag(edition.IsLinkedToOutcome));
        if (edition.Status == EditionStatus.Held) contributions.Add(key, Held, 1m);
        foreach (var trained in edition.Trained())
        {
            contributions.Add(key, Participants, trained.Count).Add(key, Days, trained.Count * edition.LengthInDays())
                .Add(key, GroupPrefix + (int)trained.Group, trained.Count);
            if (trained.Sex == Sex.Female) contributions.Add(key, Female, trained.Count);
            if (trained.IsEmployerOrWorker) contributions.Add(key, EmployersAndWorkers, trained.Count);
            if (trained.Certified) contributions.Add(key, Certified, trained.Count);
        }
        foreach (var enrolment in edition.Enrolments.Where(n => n.Fellowship is not null && n.Status != EnrolmentStatus.Withdrawn))
        {
            var fellowship = BucketKey.Of("f", year, enrolment.Fellowship!.PartnerId.ToString("N"));
            contributions.Count(fellowship).Add(fellowship, Usd, enrolment.Fellowship.AmountUsd);
        }
    }

    public static BucketRange TrainedBetween(int fromYear, int toYear) => BucketRange.Between($"t|{Year(fromYear)}", $"t|{Year(toYear)}");

    public static BucketRange FellowshipsBetween(int fromYear, int toYear) => BucketRange.Between($"f|{Year(fromYear)}", $"f|{Year(toYear)}");

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
    private static string Flag(bool value) => value ? "1" : "0";
}

/// <summary>One "t" bucket, parsed: who the editions of one course and year, linked alike, trained.</summary>
public sealed record EditionTotal(int Year, Guid CourseId, bool EditionLinkedToProgramme, bool EditionLinkedToOutcome,
    int Participants, int ParticipantDays, int Female, int EmployersAndWorkers, int Certified, int EditionsHeld,
    IReadOnlyDictionary<ConstituentGroup, int> ByGroup)
{
    public static List<EditionTotal> From(IEnumerable<Bucket> buckets) => [.. buckets.Where(b => b.Parts[0] == "t").Select(b =>
    {
        var parts = b.Parts;
        int Figure(string name) => (int)b[name];
        var byGroup = b.Figures.Where(f => f.Key.StartsWith(EditionTotals.GroupPrefix, StringComparison.Ordinal))
            .ToDictionary(f => (ConstituentGroup)int.Parse(f.Key[1..], CultureInfo.InvariantCulture), f => (int)f.Value);
        return new EditionTotal(int.Parse(parts[1], CultureInfo.InvariantCulture), Guid.ParseExact(parts[2], "N"), parts[3] == "1", parts[4] == "1",
            Figure(EditionTotals.Participants), Figure(EditionTotals.Days), Figure(EditionTotals.Female), Figure(EditionTotals.EmployersAndWorkers),
            Figure(EditionTotals.Certified), Figure(EditionTotals.Held), byGroup);
    })];

    /// <summary>The totals of a set of editions, computed in memory the way the store keeps them.</summary>
    public static List<EditionTotal> Of(IEnumerable<Edition> editions) => From(new EditionTotals().BucketsOf(editions));
}

/// <summary>One "f" bucket, parsed: one partner's fellowships in one year.</summary>
public sealed record FellowshipTotal(int Year, Guid PartnerId, int Fellowships, decimal AmountUsd)
{
    public static List<FellowshipTotal> From(IEnumerable<Bucket> buckets) => [.. buckets.Where(b => b.Parts[0] == "f").Select(b =>
        new FellowshipTotal(int.Parse(b.Parts[1], CultureInfo.InvariantCulture), Guid.ParseExact(b.Parts[2], "N"), (int)b.Count, b[EditionTotals.Usd]))];

    public static List<FellowshipTotal> Of(IEnumerable<Edition> editions) => From(new EditionTotals().BucketsOf(editions));
}
