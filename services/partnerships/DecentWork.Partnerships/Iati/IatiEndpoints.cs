using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Iati;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Iati;

/// <summary>
/// The open-data exception to "every call needs a token", partnerships' part: the IATI activity
/// file of its TC projects. The only anonymous route of the service besides health
/// (<see cref="Paths"/>; the end-to-end access tests fail on any other). Projects still in the
/// pipeline are never read.
/// </summary>
public static class IatiEndpoints
{
    public const string ProjectsPath = "/v1/iati/projects.xml";
    public static readonly IReadOnlyList<string> Paths = [ProjectsPath];

    public static void MapIatiEndpoints(this WebApplication app) => app.MapGet(ProjectsPath, WriteProjectsAsync).AllowAnonymous();

    /// <summary>Every project past the pipeline, optionally of those running in one ISO alpha-3 country.</summary>
    private static async Task WriteProjectsAsync(HttpContext http, IAggregateStore<Project> projects, IAggregateStore<Partner> partners,
        IatiSettings settings, TimeProvider clock, string? country)
    {
        if (!string.IsNullOrEmpty(country) && !Countries.TryFind(country, out _))
        {
            await TypedResults.BadRequest(new { error = $"country: '{country}' is not an ISO 3166-1 alpha-3 code of an ILO member State" }).ExecuteAsync(http);
            return;
        }
        var names = new Dictionary<Guid, string>();
        var filter = Filter.All<Project>(
            p => p.Status == ProjectStatus.Implementation || p.Status == ProjectStatus.Finalisation || p.Status == ProjectStatus.Closed
                || p.Status == ProjectStatus.Cancelled || p.Status == ProjectStatus.Suspended,
            string.IsNullOrEmpty(country) ? null : p => p.CountryCodes.Contains(country));
        await IatiStream.WriteAsync(http, clock, "iati-activities", projects, filter, new SortOrder<Project>(p => p.SortKey), async (writer, project) =>
        {
            if (!ProjectActivity.IsPublished(project.Status)) return;
            foreach (var id in project.PartnerIds.Where(id => !names.ContainsKey(id)))
                names[id] = (await partners.FindAsync(id, http.RequestAborted))?.Name ?? "Funding partner";
            await ProjectActivity.ToXml(project, names, settings, LastUpdated(project)).WriteToAsync(writer, http.RequestAborted);
        });
    }

    /// <summary>The latest of registration, classification and the last status change (dated by day, so taken as that day's start).</summary>
    private static DateTimeOffset LastUpdated(Project project)
    {
        var moments = new List<DateTimeOffset> { project.RegisteredAt };
        if (project.ClassifiedAt is { } classified) moments.Add(classified);
        if (project.StatusChanges.Count > 0)
            moments.Add(new DateTimeOffset(project.StatusChanges[^1].ChangedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return moments.Max();
    }
}
