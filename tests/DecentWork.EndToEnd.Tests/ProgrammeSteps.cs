using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Takes a programme from draft to approved over gRPC through the gateway, the way the platform's
/// users would: <paramref name="programmes"/> (programme staff) drafts, consults and submits; a QA
/// reviewer, who is not the drafter, clears it; a constituent of each group of the country signs
/// with their own token; programme staff approve.
/// </summary>
public static class ProgrammeSteps
{
    public static Task<ProgrammingV1.Programme> ApproveAsync(Platform platform,
        ProgrammingV1.ProgrammingService.ProgrammingServiceClient programmes, string country, decimal resourceNeed) =>
        ApproveAsync(platform.GatewayGrpcFor, programmes, country, resourceNeed);

    /// <summary>The same on any platform: <paramref name="gatewayFor"/> gives a gateway channel carrying a caller's token.</summary>
    public static async Task<ProgrammingV1.Programme> ApproveAsync(Func<TestCaller, Grpc.Net.Client.GrpcChannel> gatewayFor,
        ProgrammingV1.ProgrammingService.ProgrammingServiceClient programmes, string country, decimal resourceNeed)
    {
        var programme = await programmes.RegisterProgrammeAsync(new ProgrammingV1.RegisterProgrammeRequest
        {
            CountryCode = country,
            Title = $"Decent Work Country Programme {country}",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)),
            PeriodEnd = ProtoConvert.ToDate(new DateOnly(2011, 12, 31)),
        });
        programme = await programmes.AddPriorityAsync(new ProgrammingV1.AddPriorityRequest { ProgrammeId = programme.Id, Title = "More and better jobs for young people" });
        programme = await programmes.AddOutcomeAsync(new ProgrammingV1.AddOutcomeRequest
        {
            ProgrammeId = programme.Id,
            PriorityId = programme.Priorities[0].Id,
            Code = $"{country}101",
            Statement = "Youth employment policies adopted and applied",
            StrategicObjective = ProgrammingV1.StrategicObjective.Employment,
            ResourceNeed = ProtoConvert.ToMoney(resourceNeed),
        });
        await programmes.StartConsultationAsync(new ProgrammingV1.StartConsultationRequest { ProgrammeId = programme.Id });
        await programmes.RecordConsultationAsync(new ProgrammingV1.RecordConsultationRequest
        {
            ProgrammeId = programme.Id,
            HeldOn = ProtoConvert.ToDate(new DateOnly(2007, 10, 2)),
            Place = "Capital",
            Participants =
            {
                new ProgrammingV1.ConsultationParticipation { Group = ProgrammingV1.ConstituentGroup.Government, Women = 2, Men = 3 },
                new ProgrammingV1.ConsultationParticipation { Group = ProgrammingV1.ConstituentGroup.Employers, Women = 1, Men = 2 },
                new ProgrammingV1.ConsultationParticipation { Group = ProgrammingV1.ConstituentGroup.Workers, Women = 2, Men = 2 },
            },
            AgreedPriorityIds = { programme.Priorities[0].Id },
        });
        await programmes.SubmitForQualityAssuranceAsync(new ProgrammingV1.SubmitForQualityAssuranceRequest { ProgrammeId = programme.Id });
        var review = new ProgrammingV1.RecordQualityAssuranceReviewRequest
        {
            ProgrammeId = programme.Id,
            ReviewingUnit = ProgrammingV1.ReviewingUnit.Region,
            Decision = ProgrammingV1.ReviewDecision.Cleared,
        };
        foreach (var criterion in Enum.GetValues<ProgrammingV1.QualityCriterion>().Where(c => c != ProgrammingV1.QualityCriterion.Unspecified))
            review.Checklist.Add(new ProgrammingV1.ChecklistItem { Criterion = criterion, Passed = true, Comment = "Meets the guideline" });
        await new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(gatewayFor(TestCaller.QaReviewer))
            .RecordQualityAssuranceReviewAsync(review);
        foreach (var group in new[] { "government", "employers", "workers" })
        {
            var constituent = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(gatewayFor(TestCaller.Constituent(country, group)));
            await constituent.SignProgrammeAsync(new ProgrammingV1.SignProgrammeRequest
            {
                ProgrammeId = programme.Id, Function = $"Signatory for the {group}", SignedOn = ProtoConvert.ToDate(new DateOnly(2007, 12, 10)),
            });
        }
        return await programmes.ApproveProgrammeAsync(new ProgrammingV1.ApproveProgrammeRequest { ProgrammeId = programme.Id });
    }
}
