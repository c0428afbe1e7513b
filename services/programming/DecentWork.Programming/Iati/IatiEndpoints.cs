using System.Text;
using System.Xml;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Iati;

/// <summary>
/// The open-data exception to "every call needs a token": the IATI publication is public by
/// design. These two plain HTTP endpoints are the only anonymous routes of the service besides
/// health (<see cref="Paths"/>; the access tests fail on any other). They stream: programmes are
/// read in chunks and each activity is written as soon as it is built, so a full export holds one
/// chunk in memory. If the store fails part-way the connection is aborted, so a client sees a
/// broken download rather than a well-formed but truncated file.
/// </summary>
public static class IatiEndpoints
{
    public const string ActivitiesPath = "/v1/iati/activities.xml";
    public const string OrganisationPath = "/v1/iati/organisation.xml";
    public static readonly IReadOnlyList<string> Paths = [ActivitiesPath, OrganisationPath];

    /// <summary>Programmes read per store query while streaming.</summary>
    public const int Chunk = 50;

    public static void MapIatiEndpoints(this WebApplication app)
    {
        app.MapGet(ActivitiesPath, WriteActivitiesAsync).AllowAnonymous();
        app.MapGet(OrganisationPath, WriteOrganisationAsync).AllowAnonymous();
    }

    /// <summary>Every outcome of approved (and later) programmes, optionally of one ISO alpha-3 country.</summary>
    private static async Task WriteActivitiesAsync(HttpContext http, IAggregateStore<Programme> programmes, IatiSettings settings, TimeProvider clock,
        string? country)
    {
        if (!string.IsNullOrEmpty(country) && !Countries.TryFind(country, out _))
        {
            await Results.BadRequest(new { error = $"country: '{country}' is not an ISO 3166-1 alpha-3 code of an ILO member State" }).ExecuteAsync(http);
            return;
        }
        await StreamAsync(http, clock, "iati-activities", programmes, country, async (writer, programme) =>
        {
            foreach (var outcome in programme.Outcomes.Where(o => !o.Withdrawn))
                await OutcomeActivity.ToXml(programme, outcome, settings).WriteToAsync(writer, http.RequestAborted);
        }, null);
    }

    private static Task WriteOrganisationAsync(HttpContext http, IAggregateStore<Programme> programmes, IatiSettings settings, TimeProvider clock)
    {
        var budgets = new OrganisationBudgets();
        return StreamAsync(http, clock, "iati-organisations", programmes, null, (_, programme) =>
        {
            budgets.Add(programme);
            return Task.CompletedTask;
        }, writer => budgets.ToXml(settings, clock.GetUtcNow()).WriteToAsync(writer, http.RequestAborted));
    }

    private static async Task StreamAsync(HttpContext http, TimeProvider clock, string root, IAggregateStore<Programme> programmes, string? country,
        Func<XmlWriter, Programme, Task> eachProgramme, Func<XmlWriter, Task>? atEnd)
    {
        http.Response.ContentType = "application/xml; charset=utf-8";
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        try
        {
            await using var writer = XmlWriter.Create(http.Response.Body, settings);
            await writer.WriteStartDocumentAsync();
            await writer.WriteStartElementAsync(null, root, null);
            await writer.WriteAttributeStringAsync(null, "version", null, "2.03");
            await writer.WriteAttributeStringAsync(null, "generated-datetime", null, IatiXml.DateTime(clock.GetUtcNow()));
            var filter = Filter.All<Programme>(
                p => p.Status == ProgrammeStatus.Approved || p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Completed
                    || p.Status == ProgrammeStatus.Evaluated,
                string.IsNullOrEmpty(country) ? null : p => p.CountryCode == country);
            for (var skip = 0; ; skip += Chunk)
            {
                var chunk = await programmes.QueryAsync(filter, new SortOrder<Programme>(p => p.SortKey), skip, Chunk, http.RequestAborted);
                foreach (var programme in chunk.Where(OutcomeActivity.IsPublished)) await eachProgramme(writer, programme);
                await writer.FlushAsync();
                if (chunk.Count < Chunk) break;
            }
            if (atEnd is not null) await atEnd(writer);
            await writer.WriteEndElementAsync();
            await writer.WriteEndDocumentAsync();
        }
        catch (Exception) when (http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // Part of the file is on the wire already: cut the connection so it cannot pass for complete.
            http.Abort();
        }
    }
}
