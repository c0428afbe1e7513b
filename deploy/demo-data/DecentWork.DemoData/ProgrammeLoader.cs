using DecentWork.ServiceDefaults.Grpc;
using Grpc.Net.Client;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Registers each <see cref="ProgrammeDemo.Seed"/> and walks it through the lifecycle to its stage,
/// the way the platform's users would: <paramref name="programming"/> (programme staff) drafts and
/// decides, the demo QA reviewer reviews, and the three demo constituents sign. Safe to run again:
/// a programme found by country and title is taken from the stage it reached, so an interrupted
/// load finishes where it stopped. Who made each change is the token's caller, not a field.
/// </summary>
/// <param name="channelFor">A gateway channel carrying the token of the named demo client.</param>
public sealed class ProgrammeLoader(Programming.ProgrammingService.ProgrammingServiceClient programming, Func<string, GrpcChannel> channelFor)
{
    public const string ReviewerClient = "demo-qa-reviewer";

    /// <summary>The demo constituents, one per group; each holds every country, so it signs every demo programme.</summary>
    public static readonly IReadOnlyDictionary<string, string> SignerClients = new Dictionary<string, string>
    {
        ["demo-constituent-government"] = "Minister of Labour",
        ["demo-constituent-employers"] = "President, national employers' federation",
        ["demo-constituent-workers"] = "General Secretary, national trade union confederation",
    };

    public async Task<IReadOnlyDictionary<string, Programming.Programme>> LoadAsync()
    {
        var loaded = new Dictionary<string, Programming.Programme>();
        var seeds = ProgrammeDemo.Seeds();
        foreach (var (seed, index) in seeds.Select((s, i) => (s, i)))
            loaded[seed.Country] = await LoadAsync(seed, index);
        await new ProgrammeResultsDemo(programming).LoadAsync(loaded);
        return loaded;
    }

    private async Task<Programming.Programme> LoadAsync(ProgrammeDemo.Seed seed, int index)
    {
        var title = ProgrammeDemo.TitleFor(seed.Country);
        var existing = await programming.ListProgrammesAsync(new Programming.ListProgrammesRequest { Country = seed.Country, PageSize = 50 });
        var programme = existing.Programmes.FirstOrDefault(p => p.Title == title)
            ?? await programming.RegisterProgrammeAsync(new Programming.RegisterProgrammeRequest
            {
                CountryCode = seed.Country,
                Title = title,
                PeriodStart = ProtoConvert.ToDate(new DateOnly(seed.StartYear, 1, 1)),
                PeriodEnd = ProtoConvert.ToDate(new DateOnly(seed.EndYear, 12, 31)),
            });
        if (programme.Priorities.Count == 0) programme = await AddStructureAsync(programme, index);
        while (programme.Status < seed.Stage) programme = await StepAsync(programme, seed, index);
        if (seed.Stage == Programming.ProgrammeStatus.InConsultation && programme.Consultations.Count == 0 && index % 2 == 0)
            programme = await ConsultAsync(programme, index);
        return programme;
    }

    /// <summary>Two priorities and three outcomes, one per strategic objective but standards, with resource needs.</summary>
    private async Task<Programming.Programme> AddStructureAsync(Programming.Programme programme, int index)
    {
        var id = programme.Id;
        programme = await programming.AddPriorityAsync(new Programming.AddPriorityRequest { ProgrammeId = id, Title = "More and better jobs for women and men, young people first" });
        programme = await programming.AddPriorityAsync(new Programming.AddPriorityRequest { ProgrammeId = id, Title = "Social protection and social dialogue strengthened" });
        var (jobs, protection) = (programme.Priorities[0].Id, programme.Priorities[1].Id);
        var code = programme.CountryCode;
        var outcomes = new (string Priority, string Code, string Statement, Programming.StrategicObjective Objective, decimal Need)[]
        {
            (jobs, $"{code}101", "National youth employment action plan adopted and applied", Programming.StrategicObjective.Employment, 1_500_000m + 50_000m * (index % 7)),
            (jobs, $"{code}102", "Child labour reduced in agriculture through area-based programmes", Programming.StrategicObjective.StandardsAndRights, 800_000m + 25_000m * (index % 5)),
            (protection, $"{code}201", "Social security extended to workers in the informal economy", Programming.StrategicObjective.SocialProtection, 650_000m),
            (protection, $"{code}202", "Labour dispute resolution machinery operates with the social partners", Programming.StrategicObjective.SocialDialogue, 400_000m),
        };
        foreach (var outcome in outcomes)
        {
            programme = await programming.AddOutcomeAsync(new Programming.AddOutcomeRequest
            {
                ProgrammeId = id,
                PriorityId = outcome.Priority,
                Code = outcome.Code,
                Statement = outcome.Statement,
                StrategicObjective = outcome.Objective,
                ResourceNeed = ProtoConvert.ToMoney(outcome.Need),
            });
        }
        programme = await programming.AddIndicatorAsync(new Programming.AddIndicatorRequest
        {
            ProgrammeId = id,
            OutcomeId = programme.Priorities[0].Outcomes[0].Id,
            Description = "Young women and men placed in jobs through public employment services",
            Kind = Programming.IndicatorKind.Number,
            Unit = "people",
            Baseline = "0",
            Target = "5000",
            TargetDate = ProtoConvert.ToDate(new DateOnly(programme.PeriodEnd.Year, 12, 31)),
        });
        return await programming.AddNationalFrameworkLinkAsync(new Programming.AddNationalFrameworkLinkRequest
        {
            ProgrammeId = id,
            Kind = index % 2 == 0 ? Programming.NationalFrameworkKind.Prsp : Programming.NationalFrameworkKind.NationalDevelopmentPlan,
            Title = index % 2 == 0 ? "Poverty Reduction Strategy Paper" : "National Development Plan",
        });
    }

    private async Task<Programming.Programme> StepAsync(Programming.Programme programme, ProgrammeDemo.Seed seed, int index)
    {
        var id = programme.Id;
        switch (programme.Status)
        {
            case Programming.ProgrammeStatus.Draft:
                return await programming.StartConsultationAsync(new Programming.StartConsultationRequest { ProgrammeId = id });
            case Programming.ProgrammeStatus.InConsultation:
                if (programme.Consultations.Count == 0) await ConsultAsync(programme, index);
                return await programming.SubmitForQualityAssuranceAsync(new Programming.SubmitForQualityAssuranceRequest { ProgrammeId = id });
            case Programming.ProgrammeStatus.UnderQualityAssurance:
                var signedOn = seed.SignedOn ?? throw new InvalidOperationException($"{seed.Country}: an approved seed needs a signature date");
                await ReviewAsync(id);
                await programming.SetSteeringCommitteeAsync(new Programming.SetSteeringCommitteeRequest
                {
                    ProgrammeId = id,
                    Name = "National tripartite steering committee",
                    Members = { Group(Programming.ConstituentGroup.Government, 2 + index % 2, 3), Group(Programming.ConstituentGroup.Employers, 1, 2), Group(Programming.ConstituentGroup.Workers, 2, 1 + index % 2) },
                });
                return await ApproveAsync(id, signedOn);
            case Programming.ProgrammeStatus.Approved:
                programme = await programming.ActivateProgrammeAsync(new Programming.ActivateProgrammeRequest { ProgrammeId = id });
                var indicator = programme.Priorities[0].Outcomes[0].Indicators[0];
                return await programming.RecordIndicatorProgressAsync(new Programming.RecordIndicatorProgressRequest
                {
                    ProgrammeId = id,
                    IndicatorId = indicator.Id,
                    // Mid-term: inside the programme's period, as the service requires of a progress report.
                    ReportedOn = ProtoConvert.ToDate(new DateOnly((seed.StartYear + seed.EndYear) / 2, 6, 30)),
                    Actual = (1200 + 100 * (index % 9)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Comment = "Mid-term monitoring report",
                });
            case Programming.ProgrammeStatus.Active:
                return await programming.CompleteProgrammeAsync(new Programming.CompleteProgrammeRequest { ProgrammeId = id });
            case Programming.ProgrammeStatus.Completed:
                return await programming.RecordEvaluationAsync(new Programming.RecordEvaluationRequest
                {
                    ProgrammeId = id,
                    Kind = seed.Evaluation,
                    EvaluatedOn = ProtoConvert.ToDate(new DateOnly(seed.EndYear + 1, 3, 31)),
                    Summary = seed.Evaluation == Programming.EvaluationKind.Tripartite
                        ? "Tripartite review: priorities met in part; the constituents ask for a second programme."
                        : "Independent evaluation: relevant and well owned; results framework needs measurable targets.",
                });
            default:
                throw new InvalidOperationException($"{seed.Country}: no step from {programme.Status}");
        }
    }

    private async Task<Programming.Programme> ConsultAsync(Programming.Programme programme, int index) =>
        await programming.RecordConsultationAsync(new Programming.RecordConsultationRequest
        {
            ProgrammeId = programme.Id,
            HeldOn = ProtoConvert.ToDate(new DateOnly(programme.PeriodStart.Year - 1, 1 + index % 12, 10)),
            Place = "Ministry of Labour, capital city",
            Participants =
            {
                Group(Programming.ConstituentGroup.Government, 3 + index % 3, 5),
                Group(Programming.ConstituentGroup.Employers, 1 + index % 2, 3),
                Group(Programming.ConstituentGroup.Workers, 2, 3 + index % 2),
            },
            AgreedPriorityIds = { programme.Priorities.Select(p => p.Id) },
        });

    private async Task ReviewAsync(string id)
    {
        var review = new Programming.RecordQualityAssuranceReviewRequest
        {
            ProgrammeId = id,
            ReviewingUnit = Programming.ReviewingUnit.Region,
            Decision = Programming.ReviewDecision.Cleared,
        };
        foreach (var criterion in Enum.GetValues<Programming.QualityCriterion>().Where(c => c != Programming.QualityCriterion.Unspecified))
            review.Checklist.Add(new Programming.ChecklistItem { Criterion = criterion, Passed = true, Comment = "Meets the DWCP guidebook" });
        // Not the drafter: separation of duties.
        await new Programming.ProgrammingService.ProgrammingServiceClient(channelFor(ReviewerClient)).RecordQualityAssuranceReviewAsync(review);
    }

    private async Task<Programming.Programme> ApproveAsync(string id, DateOnly signedOn)
    {
        // Each constituent signs for the group its token names.
        foreach (var (client, function) in SignerClients)
            await new Programming.ProgrammingService.ProgrammingServiceClient(channelFor(client)).SignProgrammeAsync(
                new Programming.SignProgrammeRequest { ProgrammeId = id, Function = function, SignedOn = ProtoConvert.ToDate(signedOn) });
        return await programming.ApproveProgrammeAsync(new Programming.ApproveProgrammeRequest { ProgrammeId = id });
    }

    private static Programming.ConsultationParticipation Group(Programming.ConstituentGroup group, int women, int men) =>
        new() { Group = group, Women = women, Men = men };
}
