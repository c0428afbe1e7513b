using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>Input validation of the change RPCs: every wrong field named at once, nothing stored.</summary>
public class ProgrammeInputServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private readonly LifecycleClient _lifecycle = new(fixture.Service);

    [Fact]
    public async Task AddOutcome_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.AddOutcomeAsync(new AddOutcomeRequest
        {
            ProgrammeId = "nope",
            PriorityId = "",
            Code = new string('C', 21),
            Statement = " ",
            ResourceNeed = new Google.Type.Money { CurrencyCode = "EUR", Units = 5 },
            ExpectedVersion = -1,
#pragma warning disable CS0612 // deprecated and ignored: even an over-long value is not a violation
            ChangedBy = new string('u', 201),
#pragma warning restore CS0612
        }).ResponseAsync, "programme_id", "priority_id", "code", "statement", "strategic_objective", "resource_need", "expected_version");

    [Fact]
    public async Task ChangeAndWithdrawOutcome_WhenIdsOrMoneyAreWrong_ListTheFields()
    {
        await RpcAssert.InvalidFields(() => _client.ChangeOutcomeAsync(new ChangeOutcomeRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(), OutcomeId = "x", Code = "C", Statement = "S",
            StrategicObjective = StrategicObjective.Employment, ResourceNeed = new Google.Type.Money { CurrencyCode = "USD", Units = -1 },
        }).ResponseAsync, "outcome_id", "resource_need");
        await RpcAssert.InvalidFields(() => _client.WithdrawOutcomeAsync(new WithdrawOutcomeRequest { ProgrammeId = "", OutcomeId = "" }).ResponseAsync,
            "programme_id", "outcome_id");
        await RpcAssert.InvalidFields(() => _client.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = Guid.NewGuid().ToString() }).ResponseAsync, "title");
    }

    [Fact]
    public async Task RecordConsultation_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.RecordConsultationAsync(new RecordConsultationRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(),
            HeldOn = new Google.Type.Date { Year = 2007, Month = 13, Day = 1 },
            Participants =
            {
                new ConsultationParticipation { Group = ConstituentGroup.Unspecified, Women = -1 },
                new ConsultationParticipation { Group = ConstituentGroup.Workers },
            },
            AgreedPriorityIds = { "not-an-id" },
            DocumentUri = "ftp://files/minutes",
        }).ResponseAsync,
            "held_on", "place", "participants[0].group", "participants[0].women", "participants[1]", "agreed_priority_ids", "document_uri");

    [Fact]
    public async Task RecordQualityAssuranceReview_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = Review(Guid.NewGuid().ToString());
        request.ReviewingUnit = ReviewingUnit.Unspecified;
        request.Decision = ReviewDecision.Unspecified;
        request.Checklist.RemoveAt(0);
        request.Checklist[0].Comment = new string('c', 2001);
        await RpcAssert.InvalidFields(() => _lifecycle.Reviewer.RecordQualityAssuranceReviewAsync(request).ResponseAsync,
            "reviewing_unit", "decision", "checklist", "checklist[0].comment");
    }

    [Fact]
    public async Task ApproveProgramme_WhenTheRequestNamesSignatories_IsInvalidArgumentOnSignatories()
    {
        var request = Approval(Guid.NewGuid().ToString());
#pragma warning disable CS0612 // the deprecated field, as an old client still sends it
        request.Signatories.Add(new Signatory { Group = ConstituentGroup.Government, Name = "Minister of Labour" });
#pragma warning restore CS0612
        var error = await RpcAssert.InvalidFields(() => _client.ApproveProgrammeAsync(request).ResponseAsync, "signatories");
        Assert.Contains("through SignProgramme", error.FieldViolations[0].Description);
    }

    [Fact]
    public async Task SignProgramme_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _lifecycle.Constituent("TZA", ConstituentGroup.Workers).SignProgrammeAsync(new SignProgrammeRequest
        {
            ProgrammeId = "x", Function = new string('f', 201), SignedOn = new Google.Type.Date { Year = 2008, Month = 2, Day = 30 }, ExpectedVersion = -1,
        }).ResponseAsync, "programme_id", "function", "signed_on", "expected_version");

    [Fact]
    public async Task SetSteeringCommitteeAndAddNationalFrameworkLink_WhenFieldsAreWrong_ListTheFields()
    {
        await RpcAssert.InvalidFields(() => _client.SetSteeringCommitteeAsync(new SetSteeringCommitteeRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(), Members = { new ConsultationParticipation { Group = ConstituentGroup.Employers, Men = -2 } },
        }).ResponseAsync, "name", "members[0].men");
        await RpcAssert.InvalidFields(() => _client.AddNationalFrameworkLinkAsync(new AddNationalFrameworkLinkRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(), DocumentUri = "not a uri",
        }).ResponseAsync, "kind", "title", "document_uri");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.AddNationalFrameworkLinkAsync(new AddNationalFrameworkLinkRequest
        {
            ProgrammeId = Guid.NewGuid().ToString(), Kind = NationalFrameworkKind.Prsp, Title = "PRSP",
        }).ResponseAsync);
    }

    [Fact]
    public async Task RecordEvaluation_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.RecordEvaluationAsync(new RecordEvaluationRequest { ProgrammeId = "x" }).ResponseAsync,
            "programme_id", "kind", "evaluated_on", "summary");
}
