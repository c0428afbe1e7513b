using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Iati;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Iati;

/// <summary>
/// The open-data exception to "every call needs a token": the IATI publication is public by
/// design. These plain HTTP endpoints are the only anonymous routes of the service besides health
/// (<see cref="Paths"/>; the end-to-end access tests fail on any other). Drafts and programmes in
/// preparation are never read.
/// </summary>
public static class IatiEndpoints
{
    public const string ActivitiesPath = "/v1/iati/activities.xml";
    public const string OrganisationPath = "/v1/iati/organisation.xml";
    public static readonly IReadOnlyList<string> Paths = [ActivitiesPath, OrganisationPath];

    public static void MapIatiEndpoints(this WebApplication app)
    {
        app.MapGet(ActivitiesPath, WriteActivitiesAsync).AllowAnonymous();
        app.MapGet(OrganisationPath, WriteOrganisationAsync).AllowAnonymous();
    }

    /// <summary>Every outcome (not withdrawn) of approved and later programmes, optionally of one ISO alpha-3 country.</summary>
    private static async Task WriteActivitiesAsync(HttpContext http, IAggregateStore<Programme> programmes, IAggregateStore<FundingContribution> contributions,
        IatiSettings settings, TimeProvider clock, string? country)
    {
        if (!string.IsNullOrEmpty(country) && !Countries.TryFind(country, out _))
        {
            await TypedResults.BadRequest(new { error = $"country: '{country}' is not an ISO 3166-1 alpha-3 code of an ILO member State" }).ExecuteAsync(http);
            return;
        }
        await IatiStream.WriteAsync(http, clock, "iati-activities", programmes, Published(country), new SortOrder<Programme>(p => p.SortKey),
            async (writer, programme) =>
            {
                var funding = await contributions.ReadAllAsync(c => c.ProgrammeId == programme.Id, new SortOrder<FundingContribution>(c => c.SortKey), http.RequestAborted);
                foreach (var outcome in programme.Outcomes.Where(o => !o.Withdrawn))
                    await OutcomeActivity.ToXml(programme, outcome, settings, funding).WriteToAsync(writer, http.RequestAborted);
            });
    }

    private static Task WriteOrganisationAsync(HttpContext http, IAggregateStore<Programme> programmes, IatiSettings settings, TimeProvider clock)
    {
        var budgets = new OrganisationBudgets();
        return IatiStream.WriteAsync(http, clock, "iati-organisations", programmes, Published(null), new SortOrder<Programme>(p => p.SortKey),
            (_, programme) =>
            {
                budgets.Add(programme);
                return Task.CompletedTask;
            },
            writer => budgets.ToXml(settings, clock.GetUtcNow()).WriteToAsync(writer, http.RequestAborted));
    }

    /// <summary>Approved and later, as the store can filter it (statuses one by one: enums may be stored as names).</summary>
    private static System.Linq.Expressions.Expression<Func<Programme, bool>> Published(string? country) => Filter.All<Programme>(
        p => p.Status == ProgrammeStatus.Approved || p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Completed
            || p.Status == ProgrammeStatus.Evaluated,
        string.IsNullOrEmpty(country) ? null : p => p.CountryCode == country);
}
