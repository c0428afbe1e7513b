using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Programmes at every stage of the lifecycle, shaped so the status report gives the paper's
/// "27 DWCPs finalized, adopted and applied in 2007; another 80 in preparation". The named
/// countries come from the paper (the eight Delivering-as-One pilots, Zambia and Jordan evaluated
/// independently, Brazil); the other countries, periods and outcomes are illustrative.
/// </summary>
public static class ProgrammeDemo
{
    public sealed record Seed(string Country, Programming.ProgrammeStatus Stage, int StartYear, int EndYear, DateOnly? SignedOn,
        Programming.EvaluationKind Evaluation = Programming.EvaluationKind.Unspecified);

    private static readonly DateOnly ApprovedIn2007 = new(2007, 11, 15);

    /// <summary>The eight Delivering-as-One pilots, all approved in 2007.</summary>
    public static readonly string[] Pilots = ["ALB", "CPV", "MOZ", "PAK", "RWA", "TZA", "URY", "VNM"];

    /// <summary>Six programmes in Europe ended in 2007 with a tripartite evaluation (the paper does not name them).</summary>
    private static readonly string[] EuropeEvaluated = ["BGR", "MDA", "ROU", "UKR", "BIH", "MKD"];

    public static IReadOnlyList<Seed> Seeds()
    {
        var seeds = new List<Seed>();
        foreach (var (country, i) in Pilots.Select((c, i) => (c, i)))
            seeds.Add(new(country, Programming.ProgrammeStatus.Active, 2007 + i % 2, 2010 + i % 2, ApprovedIn2007.AddDays(-20 * i)));
        foreach (var country in EuropeEvaluated)
            seeds.Add(new(country, Programming.ProgrammeStatus.Evaluated, 2005, 2007, new DateOnly(2005, 6, 1), Programming.EvaluationKind.Tripartite));
        seeds.Add(new("ZMB", Programming.ProgrammeStatus.Evaluated, 2004, 2007, new DateOnly(2004, 9, 1), Programming.EvaluationKind.Independent));
        seeds.Add(new("JOR", Programming.ProgrammeStatus.Evaluated, 2006, 2007, new DateOnly(2006, 3, 1), Programming.EvaluationKind.Independent));
        seeds.Add(new("BRA", Programming.ProgrammeStatus.Active, 2006, 2010, new DateOnly(2006, 5, 2)));

        // The rest of the 27 approved in 2007, then the 80 in preparation, from countries not named above.
        var named = seeds.Select(s => s.Country).ToHashSet();
        var others = Countries.ByCode.Keys.Where(c => !named.Contains(c)).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < 19; i++)
            seeds.Add(new(others[i], i % 3 == 0 ? Programming.ProgrammeStatus.Approved : Programming.ProgrammeStatus.Active,
                2008, 2011, ApprovedIn2007.AddDays(-15 * i)));
        for (var i = 0; i < 80; i++)
        {
            var stage = (i % 3) switch
            {
                0 => Programming.ProgrammeStatus.Draft,
                1 => Programming.ProgrammeStatus.InConsultation,
                _ => Programming.ProgrammeStatus.UnderQualityAssurance,
            };
            seeds.Add(new(others[19 + i], stage, 2009, 2012, SignedOn: null));
        }
        return seeds;
    }

    public static string TitleFor(string country) => $"Decent Work Country Programme for {Countries.ByCode[country].Name}";
}
