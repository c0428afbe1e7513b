using Grpc.Net.Client;

namespace DecentWork.DemoData;

/// <summary>
/// Loads the demo data through the gateway, one bounded context after another, then reads the
/// paper's figures back from the reports. Programmes come first: the other services learn of them
/// from events and the loaders wait for that where they name a programme or outcome. Safe to run
/// again: each loader finds what exists and adds only what is missing.
/// </summary>
/// <param name="channelFor">A gateway channel calling as the named demo client (see <see cref="DemoCallers"/>).</param>
public sealed class DemoLoader(Func<string, GrpcChannel> channelFor, TextWriter log)
{
    /// <summary>Partners who fund fellowships for employers' and workers' representatives.</summary>
    private static readonly string[] FellowshipPartners = ["Italy", "Kingdom of the Netherlands", "Norway"];

    public async Task LoadAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var platform = new GatewayClients(channelFor(DemoCallers.Loader));
        var programmes = await new ProgrammeLoader(platform.Programming, channelFor).LoadAsync();
        log.WriteLine($"demo data: {programmes.Count} programmes ({clock.Elapsed.TotalSeconds:F1} s)");
        await new CoordinationLoader(platform.Coordination).LoadAsync(programmes);
        await new CountryStatusLoader(platform.Coordination).LoadAsync();
        log.WriteLine($"demo data: UNDAFs, Delivering-as-One pilots, joint programmes, Toolkit assessments, crisis responses ({clock.Elapsed.TotalSeconds:F1} s)");
        log.WriteLine($"demo data: {await new KnowledgeLoader(new(channelFor(DemoCallers.Loader))).LoadAsync(programmes)} knowledge items added ({clock.Elapsed.TotalSeconds:F1} s)");
        var partners = await new PartnershipsLoader(platform.Partnerships).LoadAsync(programmes);
        log.WriteLine($"demo data: {partners.Count} partners, approvals 2006-2008, RBSA, agreements, projects ({clock.Elapsed.TotalSeconds:F1} s)");
        await new CorrectionsLoader(platform.Partnerships).LoadAsync(partners);
        var finance = await new ProjectFinanceLoader(platform.Partnerships).LoadAsync();
        log.WriteLine($"demo data: project budgets 2006-07 and expenditure imported ({finance.NewCount} new, {finance.UnchangedCount} unchanged lines) ({clock.Elapsed.TotalSeconds:F1} s)");
        await new TrainingLoader(platform.Training).LoadAsync(programmes, [.. FellowshipPartners.Select(name => partners[name])]);
        log.WriteLine($"demo data: courses, editions 2005-2007 with participants, fellowships ({clock.Elapsed.TotalSeconds:F1} s)");
        (await PaperFigures.ReadAsync(platform)).WriteTo(log);
        (await CorrectionFigures.ReadAsync(platform)).WriteTo(log);
        (await FinanceFigures.ReadAsync(platform.Partnerships)).WriteTo(log);
    }
}
