using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using CoordinationDomain = DecentWork.Coordination.Domain;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// What coordination's store is filled with, through its storage port: known programmes (the
/// rows: coordination's copy of each DWCP programming publishes, so they grow with programmes),
/// and what real countries have a bounded number of: three UNDAF cycles and one presence per
/// country, links from the latest UNDAF to the first programme of every other country, and one
/// joint programme per 100 programmes. A fixed seed makes two runs fill the same data.
/// </summary>
internal static class CoordinationGenerator
{
    // The other generators' clock and countries (every country, in code order).
    private static DateTimeOffset Now => Generators.Now;
    private static Country[] AllCountries => Generators.SomeCountries;

    public static async Task FillAsync(IServiceProvider services, int count, TextWriter progress)
    {
        var random = new Random(14);
        var firstOfCountry = new Dictionary<string, CoordinationDomain.KnownProgramme>(StringComparer.Ordinal);
        var programmes = Enumerable.Range(0, count).Select(i =>
        {
            var country = AllCountries[i % AllCountries.Length];
            var start = new DateOnly(random.Next(2000, 2026), 1, 1);
            var id = Guid.NewGuid();
            var programme = CoordinationDomain.KnownProgramme.From(new ProgrammeRegistered(id, country.Code, country.Region.ToString(),
                $"Benchmark programme {i}", start, start.AddYears(4).AddDays(-1), Now));
            programme.Approve(new ProgrammeApproved(id, country.Code, country.Region.ToString(), start.AddMonths(2),
                [new(Guid.NewGuid(), $"O{i % 900 + 100}.1", "More decent jobs", 1 + i % 4, random.Next(100_000, 9_000_000)),
                 new(Guid.NewGuid(), $"O{i % 900 + 100}.2", "Social protection", 1 + (i + 1) % 4, random.Next(100_000, 9_000_000))],
                Now));
            firstOfCountry.TryAdd(country.Code, programme);
            return programme;
        });
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<CoordinationDomain.KnownProgramme>>(), programmes, count, progress);

        var undafs = services.GetRequiredService<IAggregateStore<CoordinationDomain.Undaf>>();
        var presences = services.GetRequiredService<IAggregateStore<CoordinationDomain.CountryPresence>>();
        for (var c = 0; c < AllCountries.Length; c++)
        {
            var country = AllCountries[c];
            foreach (var (cycle, status) in new[] { (2011, CoordinationDomain.UndafStatus.Closed), (2016, CoordinationDomain.UndafStatus.Closed), (2021, CoordinationDomain.UndafStatus.Active) })
            {
                var undaf = CoordinationDomain.Undaf.Register(country, cycle, cycle + 4, Now,
                    [new CoordinationDomain.UndafOutcome { Code = "1.1", Statement = "Decent jobs for young people" }], status, decentWorkSpecificObjective: c % 3 == 0);
                // Every other country's latest UNDAF is linked to a DWCP outcome: the rest are gaps.
                if (status == CoordinationDomain.UndafStatus.Active && c % 2 == 0 && firstOfCountry.TryGetValue(country.Code, out var linked))
                    undaf.Link("1.1", linked, linked.Outcomes[0].Id, Now);
                await undafs.SaveAsync(undaf);
            }
            var presence = CoordinationDomain.CountryPresence.For(country);
            presence.Set(c % 4 == 0 ? CoordinationDomain.AgencyPresence.NonResident : CoordinationDomain.AgencyPresence.Resident,
                c % 4 == 0 ? "Regional office" : "", "", Now);
            await presences.SaveAsync(presence);
        }

        string[] windows = ["Youth, employment and migration", "Gender equality", "Economic governance"];
        var jointProgrammes = Enumerable.Range(0, Math.Max(10, count / 100)).Select(i =>
        {
            var joint = CoordinationDomain.JointProgramme.Propose(
                new CoordinationDomain.JointProgrammeTerms($"Benchmark joint programme {i}", i % 2 == 0 ? "MDG-F" : "UN Trust Fund", windows[i % windows.Length], i % 5 == 0 ? "ILO" : "UNDP"),
                [AllCountries[random.Next(AllCountries.Length)]],
                [new CoordinationDomain.AgencyShare { Agency = "ILO", BudgetShareUsd = random.Next(10_000, 2_000_000) }, new CoordinationDomain.AgencyShare { Agency = "UNDP", BudgetShareUsd = 500_000 }],
                Now.AddMinutes(-i));
            if (i % 4 != 0) joint.Approve(new DateOnly(2010 + i % 15, 6, 1), Now);
            return joint;
        });
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<CoordinationDomain.JointProgramme>>(), jointProgrammes, Math.Max(10, count / 100), progress);
    }
}
