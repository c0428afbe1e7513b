using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using PartnershipsDomain = DecentWork.Partnerships.Domain;
using Finance = DecentWork.Partnerships.Domain.Finance;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// The projects behind partnerships' project reports (linkage, policy markers, SDG goals,
/// participation, delivery, expenditure growth): one project per ten approvals, starting over
/// 1995-2025 and running one to six years, most in one country and some in two, classified on the
/// gender and disability markers and a few SDG goals, most linked to an outcome and an objective,
/// each with one stakeholder consultation, half with a committee, one expenditure each, and one in
/// twenty withdrawn. Made by the domain's own methods and saved through the storage port.
/// </summary>
internal static class PartnershipsProjects
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly string[] Significances = ["0", "1", "2"];
    private static readonly string[] Goals = ["1", "5", "8", "10", "16"];

    public static async Task SaveAsync(IServiceProvider services, IReadOnlyList<PartnershipsDomain.Partner> partners, Country[] countries, int count,
        DateTimeOffset now, TextWriter progress)
    {
        var random = new Random(14);
        var projects = Enumerable.Range(0, count).Select(i => Make(i, random, partners, countries, now)).ToList();
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<PartnershipsDomain.Project>>(), projects, count, progress);
        var transactions = projects.Select(p => Finance.FinancialTransaction.Record($"BENCH-{p.Code}", p,
            new Finance.TransactionValues(Finance.TransactionType.Expenditure, p.StartDate, p.BudgetUsd / 3, "USD", p.BudgetUsd / 3, "Benchmark"), 0, Today));
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<Finance.FinancialTransaction>>(), transactions, count, progress);
    }

    /// <summary>Agreements over 1995-2025 spread over the partners, each reviewed against the five alignment criteria in its start year.</summary>
    public static async Task SaveAgreementsAsync(IServiceProvider services, IReadOnlyList<PartnershipsDomain.Partner> partners, int count,
        DateTimeOffset now, TextWriter progress)
    {
        var random = new Random(15);
        var agreements = Enumerable.Range(0, count).Select(i =>
        {
            var start = new DateOnly(random.Next(1995, 2026), 1, 1);
            var agreement = PartnershipsDomain.Agreement.Register(partners[i % partners.Count], $"Benchmark agreement {i}",
                PartnershipsDomain.AgreementKind.MultiYearFramework, start, start.AddYears(4).AddDays(-1), random.Next(100_000, 50_000_000), "USD",
                PartnershipsDomain.Earmarking.SoftlyEarmarked, [PartnershipsDomain.ThematicProvision.GenderEquality], now);
            agreement.ReviewAlignment(new PartnershipsDomain.AlignmentReview
            {
                StrategicPriorities = Finding(random), ProgrammingCycles = Finding(random), PredictableFunding = Finding(random),
                HarmonisedReporting = Finding(random), CommonPrinciples = Finding(random), Reviewer = "Benchmark reviewer", ReviewDate = start.AddDays(30),
            }, Today);
            return agreement;
        });
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<PartnershipsDomain.Agreement>>(), agreements, count, progress);
    }

    private static PartnershipsDomain.AlignmentFinding Finding(Random random) => new() { Met = random.Next(2) == 0, Note = "" };

    private static PartnershipsDomain.Project Make(int i, Random random, IReadOnlyList<PartnershipsDomain.Partner> partners, Country[] countries, DateTimeOffset now)
    {
        var start = new DateOnly(random.Next(1995, 2026), 1, 1).AddDays(random.Next(0, 300));
        var inCountries = random.Next(100) < 85 ? [countries[random.Next(countries.Length)].Code]
            : new[] { countries[random.Next(countries.Length)].Code, countries[random.Next(countries.Length)].Code };
        var project = PartnershipsDomain.Project.Register(new PartnershipsDomain.ProjectPlan($"BENCH-{i:D7}", $"Benchmark project {i}", inCountries,
            [partners[random.Next(partners.Count)].Id], random.Next(50_000, 20_000_000), start, start.AddYears(random.Next(1, 7)).AddDays(-1),
            random.Next(100) < 70 ? [Guid.NewGuid()] : [], random.Next(100) < 80 ? [1 + i % 4] : []), now);
        var classification = new WorkClassification { PolicyMarkers = [new PolicyMarkerScore { Code = "1", Significance = Significances[random.Next(3)] }] };
        if (random.Next(100) < 30) classification.PolicyMarkers.Add(new PolicyMarkerScore { Code = "11", Significance = Significances[random.Next(3)] });
        if (random.Next(100) < 85) classification.SdgGoals = [.. Goals.Where(_ => random.Next(100) < 40).DefaultIfEmpty("8")];
        project.Classify(classification, now);
        var heldOn = start < Today ? start : Today;
        project.RecordMeeting(PartnershipsDomain.ProjectMeetingKind.StakeholderConsultation, heldOn, "Capital", Participants(random), "", Today, "benchmark");
        if (i % 2 == 0) project.SetCommittee("Project advisory committee", heldOn, Participants(random), Today);
        if (i % 20 == 19) project.Withdraw("Benchmark: funding fell through", Today, "benchmark");
        return project;
    }

    private static List<PartnershipsDomain.StakeholderParticipation> Participants(Random random) =>
        [.. Enum.GetValues<PartnershipsDomain.StakeholderGroup>().Select(g => new PartnershipsDomain.StakeholderParticipation
            { Group = g, Women = random.Next(0, 6), Men = random.Next(0, 6) })];
}
