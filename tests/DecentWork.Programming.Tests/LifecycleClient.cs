using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Drives a programme through its lifecycle over gRPC, for the service tests, as the platform
/// would: programme staff draft and approve, a QA reviewer (not the drafter) reviews, and one
/// constituent per group of the programme's country signs.
/// </summary>
internal sealed class LifecycleClient(ServiceInstance service)
{
    private readonly ProgrammingService.ProgrammingServiceClient client = new(service.Channel);

    public ProgrammingService.ProgrammingServiceClient Reviewer { get; } = new(service.ChannelFor(TestCaller.QaReviewer));

    public static readonly ConstituentGroup[] AllGroups = [ConstituentGroup.Government, ConstituentGroup.Employers, ConstituentGroup.Workers];

    /// <summary>The constituent of <paramref name="country"/> who signs for <paramref name="group"/>.</summary>
    public ProgrammingService.ProgrammingServiceClient Constituent(string country, ConstituentGroup group) =>
        new(service.ChannelFor(TestCaller.Constituent(country, GroupClaim(group))));

    public static string GroupClaim(ConstituentGroup group) => group.ToString().ToLowerInvariant();

    public static Google.Type.Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    public static RegisterProgrammeRequest Registration(string country, int startYear = 2008, int endYear = 2011, string requestId = "") => new()
    {
        CountryCode = country,
        Title = $"DWCP {country} {startYear}-{endYear}",
        PeriodStart = ProtoConvert.ToDate(new DateOnly(startYear, 1, 1)),
        PeriodEnd = ProtoConvert.ToDate(new DateOnly(endYear, 12, 31)),
        RequestId = requestId,
    };

    public async Task<Programme> RegisterAsync(string country, int startYear = 2008, int endYear = 2011, string requestId = "") =>
        await client.RegisterProgrammeAsync(Registration(country, startYear, endYear, requestId));

    public async Task<Programme> WithOutcomeAsync(string country, int startYear = 2008, int endYear = 2011, string requestId = "")
    {
        var programme = await RegisterAsync(country, startYear, endYear, requestId);
        programme = await client.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = programme.Id, Title = "Youth employment" });
        return await client.AddOutcomeAsync(new AddOutcomeRequest
        {
            ProgrammeId = programme.Id,
            PriorityId = programme.Priorities[0].Id,
            Code = $"{country}101",
            Statement = "More young women and men in decent jobs",
            StrategicObjective = StrategicObjective.Employment,
            ResourceNeed = Usd(1_000_000),
        });
    }

    public static RecordConsultationRequest Consultation(Programme programme, params ConstituentGroup[] groups) => new()
    {
        ProgrammeId = programme.Id,
        HeldOn = ProtoConvert.ToDate(new DateOnly(2007, 11, 5)),
        Place = "Capital",
        Participants = { groups.Select(g => new ConsultationParticipation { Group = g, Women = 2, Men = 3 }) },
        AgreedPriorityIds = { programme.Priorities.Select(p => p.Id) },
        DocumentUri = "https://www.ilo.org/minutes.pdf",
    };

    public async Task<Programme> UnderQualityAssuranceAsync(string country, int startYear = 2008, int endYear = 2011, string requestId = "")
    {
        var programme = await WithOutcomeAsync(country, startYear, endYear, requestId);
        await client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = programme.Id });
        await client.RecordConsultationAsync(Consultation(programme, ConstituentGroup.Government, ConstituentGroup.Employers, ConstituentGroup.Workers));
        return await client.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = programme.Id });
    }

    public static RecordQualityAssuranceReviewRequest Review(string programmeId, ReviewDecision decision = ReviewDecision.Cleared) => new()
    {
        ProgrammeId = programmeId,
        ReviewingUnit = ReviewingUnit.Region,
        Decision = decision,
        Checklist =
        {
            Enum.GetValues<QualityCriterion>().Where(c => c != 0)
                .Select(c => new ChecklistItem { Criterion = c, Passed = decision == ReviewDecision.Cleared, Comment = "checked" }),
        },
    };

    public async Task<Programme> ReviewAsync(string programmeId, ReviewDecision decision = ReviewDecision.Cleared) =>
        await Reviewer.RecordQualityAssuranceReviewAsync(Review(programmeId, decision));

    public static SignProgrammeRequest Signature(string programmeId, ConstituentGroup group) => new()
    {
        ProgrammeId = programmeId,
        Function = group switch
        {
            ConstituentGroup.Government => "Minister of Labour",
            ConstituentGroup.Employers => "President of the employers' federation",
            _ => "Secretary General of the trade union congress",
        },
        // The workers sign last: approved_on is 4 February 2008.
        SignedOn = ProtoConvert.ToDate(new DateOnly(2008, 2, group == ConstituentGroup.Workers ? 4 : 1)),
    };

    /// <summary>Government, employers and workers of the programme's country sign, each through their own token.</summary>
    public async Task<Programme> SignedByAllAsync(Programme programme)
    {
        foreach (var group in AllGroups)
            programme = await Constituent(programme.CountryCode, group).SignProgrammeAsync(Signature(programme.Id, group));
        return programme;
    }

    /// <summary>Under quality assurance, cleared by the reviewer and signed: what approval needs.</summary>
    public async Task<Programme> SignedAsync(string country, int startYear = 2008, int endYear = 2011, string requestId = "")
    {
        var programme = await UnderQualityAssuranceAsync(country, startYear, endYear, requestId);
        return await SignedByAllAsync(await ReviewAsync(programme.Id));
    }

    /// <summary>The approval request: the signatures are the ones given through SignProgramme.</summary>
    public static ApproveProgrammeRequest Approval(string programmeId) => new() { ProgrammeId = programmeId };

    public async Task<Programme> ApprovedAsync(string country, int startYear = 2008, int endYear = 2011, string requestId = "") =>
        await client.ApproveProgrammeAsync(Approval((await SignedAsync(country, startYear, endYear, requestId)).Id));
}
