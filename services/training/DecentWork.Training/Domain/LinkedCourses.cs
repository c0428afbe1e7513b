using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// Which courses are linked to a DWCP ("programme" 1) and to an outcome ("outcome" 1), one bucket
/// "l|course" per linked course, kept with every course saved; an unlinked course has none. The
/// participant and linked-training reports read it to know whose course buckets to add to the year
/// buckets (<see cref="EditionTotals"/>) instead of reading every course.
/// </summary>
public sealed class LinkedCourses : Projection<Course>
{
    public const string ProjectionName = "linked-courses";
    private const string ToProgramme = "programme", ToOutcome = "outcome";

    public override string Name => ProjectionName;

    public override void Contribute(Course course, Contributions contributions)
    {
        var key = BucketKey.Of("l", course.Id.ToString("N"));
        if (course.LinkedProgrammeIds.Count > 0) contributions.Add(key, ToProgramme, 1m);
        if (course.LinkedOutcomes.Count > 0) contributions.Add(key, ToOutcome, 1m);
    }

    public static BucketRange Every => BucketRange.Prefix("l|");

    /// <summary>The buckets, parsed: as the reports need the course links.</summary>
    public static CourseLinks From(IEnumerable<Bucket> buckets)
    {
        var links = new CourseLinks(new HashSet<Guid>(), new HashSet<Guid>());
        foreach (var bucket in buckets)
        {
            var id = Guid.ParseExact(bucket.Parts[1], "N");
            if (bucket[ToProgramme] > 0) links.ToProgrammes.Add(id);
            if (bucket[ToOutcome] > 0) links.ToOutcomes.Add(id);
        }
        return links;
    }
}
