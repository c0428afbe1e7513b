using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Programming.Tests;

/// <summary>Drives a programme through its lifecycle over gRPC, for the service tests.</summary>
internal sealed class LifecycleClient(ProgrammingService.ProgrammingServiceClient client)
{
    public static Google.Type.Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    public static RegisterProgrammeRequest Registration(string country, int startYear = 2008, int endYear = 2011, string requestId = "") => new()
    {
        CountryCode = country,
        Title = $"DWCP {country} {startYear}-{endYear}",
        PeriodStart = ProtoConvert.ToDate(new DateOnly(startYear, 1, 1)),
        PeriodEnd = ProtoConvert.ToDate(new DateOnly(endYear, 12, 31)),
        ChangedBy = "country.office@ilo.org",
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

    public static ApproveProgrammeRequest Approval(string programmeId) => new()
    {
        ProgrammeId = programmeId,
        Signatories =
        {
            new Signatory { Group = ConstituentGroup.Government, Name = "Minister of Labour", SignedOn = ProtoConvert.ToDate(new DateOnly(2008, 2, 1)) },
            new Signatory { Group = ConstituentGroup.Employers, Name = "Employers' federation", SignedOn = ProtoConvert.ToDate(new DateOnly(2008, 2, 1)) },
            new Signatory { Group = ConstituentGroup.Workers, Name = "Trade union congress", SignedOn = ProtoConvert.ToDate(new DateOnly(2008, 2, 4)) },
        },
    };

    public async Task<Programme> ApprovedAsync(string country, int startYear = 2008, int endYear = 2011, string requestId = "")
    {
        var programme = await UnderQualityAssuranceAsync(country, startYear, endYear, requestId);
        await client.RecordQualityAssuranceReviewAsync(Review(programme.Id));
        return await client.ApproveProgrammeAsync(Approval(programme.Id));
    }
}
