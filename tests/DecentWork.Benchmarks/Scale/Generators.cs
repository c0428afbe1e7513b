using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using PartnershipsDomain = DecentWork.Partnerships.Domain;
using ProgrammingDomain = DecentWork.Programming.Domain;
using TrainingDomain = DecentWork.Training.Domain;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// What each service's store is filled with: valid aggregates made by the domain's own factory
/// methods, spread over years, countries and partners so the reports have many groups to count.
/// A fixed seed makes two runs fill the same data.
/// </summary>
internal static class Generators
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    internal static readonly Country[] SomeCountries = Countries.ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The programme the funding-gap call asks about: the generator's first programme, approved
    /// with two outcomes (a fixed id, so the report calls can name it).
    /// </summary>
    public static readonly Guid FundedProgrammeId = new("b3a1c0de-0000-4000-8000-000000000001");

    /// <summary>
    /// Funding approvals by 50 partners to 500 programmes over 1995-2025, and for the project
    /// reports one project per ten approvals and one reviewed agreement per hundred
    /// (<see cref="PartnershipsProjects"/>).
    /// </summary>
    public static async Task FundingApprovalsAsync(IServiceProvider services, int count, TextWriter progress)
    {
        var random = new Random(11);
        var partners = Enumerable.Range(1, 50).Select(i => PartnershipsDomain.Partner.Register(
            $"Benchmark partner {i:D2}", Enum.GetValues<PartnershipsDomain.PartnerCategory>()[i % Enum.GetValues<PartnershipsDomain.PartnerCategory>().Length], Now)).ToList();
        var partnerStore = services.GetRequiredService<IAggregateStore<PartnershipsDomain.Partner>>();
        foreach (var partner in partners) await partnerStore.SaveAsync(partner);
        var programmes = Enumerable.Range(0, 500).Select(i => i == 0 ? FundedProgrammeId : Guid.NewGuid()).ToArray();
        var approvals = Enumerable.Range(0, count).Select(_ => PartnershipsDomain.FundingApproval.Record(
            partners[random.Next(partners.Count)], programmes[random.Next(programmes.Length)],
            random.Next(1_000, 5_000_000), random.Next(1995, 2026), Now));
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<PartnershipsDomain.FundingApproval>>(), approvals, count, progress);
        await services.GetRequiredService<IAggregateStore<PartnershipsDomain.ProgrammeNeeds>>().SaveAsync(PartnershipsDomain.ProgrammeNeeds.FromApproval(
            new(FundedProgrammeId, "TZA", "Africa", new DateOnly(2020, 1, 1),
                [new(Guid.NewGuid(), "TZA100", "More decent jobs", 1, 40_000_000), new(Guid.NewGuid(), "TZA200", "Social protection", 3, 25_000_000)], Now)));
        await PartnershipsProjects.SaveAsync(services, partners, SomeCountries, Math.Max(1, count / 10), Now, progress);
        await PartnershipsProjects.SaveAgreementsAsync(services, partners, Math.Max(1, count / 100), Now, progress);
    }

    /// <summary>
    /// Enrolments in held editions of 500 past participants each (one in three certified), over 20
    /// courses and 2000-2025. So that every training report has figures to read: one employers' or
    /// workers' representative in ten holds a fellowship from one of ten partners, one course in
    /// four is linked to a programme and one edition in five to the programme's outcome.
    /// </summary>
    public static async Task EnrolmentsAsync(IServiceProvider services, int count, TextWriter progress)
    {
        const int perEdition = 500;
        var random = new Random(12);
        var outcomeId = new Guid("b3a1c0de-0000-4000-8000-000000000002");
        var programme = TrainingDomain.KnownProgramme.Heard(FundedProgrammeId, "TZA", "Benchmark programme");
        programme.ApplyOutcome(new DecentWork.Contracts.Events.Programming.ProgrammeOutcome(outcomeId, "TZA 1", "Benchmark outcome", 2, 0m), withdrawn: false, Now);
        await services.GetRequiredService<IAggregateStore<TrainingDomain.KnownProgramme>>().SaveAsync(programme);
        var partners = Enumerable.Range(1, 10).Select(i => TrainingDomain.KnownPartner.Heard(Guid.NewGuid(), $"Benchmark partner {i:D2}", "donor")).ToList();
        var partnerStore = services.GetRequiredService<IAggregateStore<TrainingDomain.KnownPartner>>();
        foreach (var partner in partners) await partnerStore.SaveAsync(partner);
        var courses = Enumerable.Range(1, 20).Select(i => TrainingDomain.Course.Publish($"BENCH{i:D2}", $"Benchmark course {i}", Now)).ToList();
        foreach (var course in courses.Where((_, i) => i % 4 == 0)) course.LinkTo(programme, Now);
        var courseStore = services.GetRequiredService<IAggregateStore<TrainingDomain.Course>>();
        foreach (var course in courses) await courseStore.SaveAsync(course);
        var editions = Enumerable.Range(0, (count + perEdition - 1) / perEdition).Select(e =>
        {
            var start = new DateOnly(random.Next(2000, 2026), random.Next(1, 13), random.Next(1, 28));
            var edition = TrainingDomain.Edition.Schedule(courses[e % courses.Count].Id, new TrainingDomain.EditionPlan(
                start, start.AddDays(4), "Turin", TrainingDomain.DeliveryMode.TurinCampus, perEdition, 0, "USD", start.AddDays(-7)));
            edition.MoveTo(TrainingDomain.EditionStatus.Open);
            edition.MoveTo(TrainingDomain.EditionStatus.Closed);
            edition.MoveTo(TrainingDomain.EditionStatus.Held, Now);
            edition.RecordPast([.. Enumerable.Range(0, Math.Min(perEdition, count - e * perEdition)).Select(i => new TrainingDomain.PastParticipant(
                new TrainingDomain.Participant($"Participant {e}-{i}", (TrainingDomain.Sex)(1 + i % 2), SomeCountries[random.Next(SomeCountries.Length)].Code,
                    (TrainingDomain.ConstituentGroup)(1 + i % 3), $"Organisation {i % 37}", ""), Certified: i % 3 == 0))], Now);
            foreach (var enrolment in edition.Enrolments.Where((n, i) => i % 10 == 1 && n.ConstituentGroup is not TrainingDomain.ConstituentGroup.Government))
                edition.AwardFellowship(enrolment.Id, partners[random.Next(partners.Count)], 500m + random.Next(0, 4_500), Now);
            if (e % 5 == 0) edition.LinkTo(programme, outcomeId, Now);
            return edition;
        });
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<TrainingDomain.Edition>>(), editions, (count + perEdition - 1) / perEdition, progress, batch: 10);
    }

    /// <summary>Draft programmes over every country and 2000-2025, each with one priority and two outcomes, one of them classified.</summary>
    public static async Task ProgrammesAsync(IServiceProvider services, int count, TextWriter progress)
    {
        var random = new Random(13);
        var change = new ProgrammingDomain.Change("benchmark", "Benchmark generator", Now);
        var programmes = Enumerable.Range(0, count).Select(i =>
        {
            var start = new DateOnly(random.Next(2000, 2026), 1, 1);
            var programme = ProgrammingDomain.Programme.Register(SomeCountries[i % SomeCountries.Length], $"Benchmark programme {i}", start, start.AddYears(4).AddDays(-1), change);
            var priority = programme.AddPriority("Employment", change);
            var jobs = programme.AddOutcome(priority.Id, $"O{i % 900 + 100}.1", "More decent jobs", (ProgrammingDomain.StrategicObjective)(1 + i % 4), random.Next(100_000, 9_000_000), change);
            programme.AddOutcome(priority.Id, $"O{i % 900 + 100}.2", "Social protection", (ProgrammingDomain.StrategicObjective)(1 + (i + 1) % 4), random.Next(100_000, 9_000_000), change);
            // One outcome of each classified, so the policy-marker and SDG reports have groups to count.
            programme.ClassifyOutcome(jobs.Id, new WorkClassification
            {
                PolicyMarkers = [new PolicyMarkerScore { Code = "1", Significance = (i % 3).ToString() }, new PolicyMarkerScore { Code = (2 + i % 9).ToString(), Significance = "1" }],
                SdgGoals = ["8", (1 + i % 17).ToString()],
            }, change);
            return programme;
        });
        await StoreGenerator.SaveAllAsync(services.GetRequiredService<IAggregateStore<ProgrammingDomain.Programme>>(), programmes, count, progress);
    }
}
