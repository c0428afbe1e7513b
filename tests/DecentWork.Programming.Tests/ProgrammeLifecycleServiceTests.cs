using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>The lifecycle RPCs over gRPC. Each test uses its own countries, so the overlap rule never crosses tests.</summary>
public class ProgrammeLifecycleServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    [Fact]
    public async Task Lifecycle_FromDraftToEvaluated_KeepsEveryStepAndItsHistory()
    {
        var programme = await Lifecycle.ApprovedAsync("ZMB");
        Assert.Equal(ProgrammeStatus.Approved, programme.Status);
        Assert.Equal(new Google.Type.Date { Year = 2008, Month = 2, Day = 4 }, programme.ApprovedOn);
        Assert.Equal(3, programme.Signatories.Count);
        Assert.Equal(programme.ContentRevision, Assert.Single(programme.QualityAssuranceReviews).ContentRevision);
        Assert.Equal(3, Assert.Single(programme.Consultations).Participants.Count);

        await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = programme.Id, ExpectedVersion = programme.Version });
        await _client.CompleteProgrammeAsync(new CompleteProgrammeRequest { ProgrammeId = programme.Id });
        var evaluated = await _client.RecordEvaluationAsync(new RecordEvaluationRequest
        {
            ProgrammeId = programme.Id,
            Kind = EvaluationKind.Independent,
            EvaluatedOn = ProtoConvert.ToDate(new DateOnly(2012, 3, 1)),
            Summary = "Relevant; results framework weak.",
        });

        Assert.Equal(ProgrammeStatus.Evaluated, evaluated.Status);
        Assert.Equal(EvaluationKind.Independent, evaluated.Evaluation.Kind);
        Assert.Equal(evaluated, await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id }));

        var history = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id });
        Assert.Equal(
            ["Registered", "PriorityAdded", "OutcomeAdded", "ConsultationStarted", "ConsultationRecorded", "SubmittedForQualityAssurance",
             "QualityAssuranceReviewed", "Signed", "Signed", "Signed", "Approved", "Activated", "Completed", "Evaluated"],
            history.Entries.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(1, 14).Select(v => (long)v), history.Entries.Select(e => e.Version));
        // Every author is the token's caller: staff drafted and decided, the reviewer reviewed, each constituent signed.
        var staff = TestCaller.ProgrammeStaff;
        var authors = history.Entries.Select(e => (e.ChangedBySubject, e.ChangedByName, e.ChangedBy)).ToList();
        var staffDisplay = await fixture.Service.DisplayOfAsync(staff);
        Assert.All(authors.Take(6).Concat(authors.Skip(10)), a => Assert.Equal((staff.ClientId, staff.Name, staffDisplay), a));
        Assert.Equal(TestCaller.QaReviewer.ClientId, authors[6].ChangedBySubject);
        Assert.Equal(AllGroups.Select(g => TestCaller.Constituent("ZMB", GroupClaim(g)).ClientId), authors.Skip(7).Take(3).Select(a => a.ChangedBySubject));
        Assert.Equal(staff.ClientId, evaluated.DraftedBy);
        Assert.Equal(staff.ClientId, evaluated.SubmittedBy);
    }

    [Fact]
    public async Task StepsOutOfOrder_AreFailedPreconditionSayingWhatIsMissing()
    {
        var programme = await Lifecycle.WithOutcomeAsync("BFA");
        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = programme.Id }).ResponseAsync);
        Assert.Contains("must be InConsultation; it is Draft", early.Status.Detail);

        await _client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = programme.Id });
        await _client.RecordConsultationAsync(Consultation(programme, ConstituentGroup.Government, ConstituentGroup.Workers));
        var partial = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = programme.Id }).ResponseAsync);
        Assert.Contains("government, employers and workers all took part", partial.Status.Detail);

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.ApproveProgrammeAsync(Approval(programme.Id)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.CompleteProgrammeAsync(new CompleteProgrammeRequest { ProgrammeId = programme.Id }).ResponseAsync);
    }

    [Fact]
    public async Task ApproveProgramme_WhenContentChangedAfterClearance_NeedsANewReview()
    {
        var programme = await Lifecycle.UnderQualityAssuranceAsync("GHA");
        await Lifecycle.ReviewAsync(programme.Id);
        await _client.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = programme.Id, Title = "Social protection floor" });

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApproveProgrammeAsync(Approval(programme.Id)).ResponseAsync);
        Assert.Contains("record a new review", error.Status.Detail);

        await Lifecycle.SignedByAllAsync(await Lifecycle.ReviewAsync(programme.Id));
        var approved = await _client.ApproveProgrammeAsync(Approval(programme.Id));
        Assert.Equal(ProgrammeStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task RecordQualityAssuranceReview_WhenRevise_ReturnsToConsultation()
    {
        var programme = await Lifecycle.UnderQualityAssuranceAsync("SEN");
        var revised = await Lifecycle.ReviewAsync(programme.Id, ReviewDecision.Revise);
        Assert.Equal(ProgrammeStatus.InConsultation, revised.Status);
    }

    [Fact]
    public async Task Overlap_WithAnApprovedProgrammeOfTheCountry_IsFailedPreconditionUntilItIsCompleted()
    {
        // A competing draft for the same period is allowed while nothing of the country is approved.
        var competing = await Lifecycle.UnderQualityAssuranceAsync("KEN", 2008, 2011);
        var approved = await Lifecycle.ApprovedAsync("KEN", 2008, 2011);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Lifecycle.RegisterAsync("KEN", 2011, 2013));
        var later = await Lifecycle.RegisterAsync("KEN", 2012, 2015);
        Assert.Equal(ProgrammeStatus.Draft, later.Status);

        await Lifecycle.SignedByAllAsync(await Lifecycle.ReviewAsync(competing.Id));
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApproveProgrammeAsync(Approval(competing.Id)).ResponseAsync);
        Assert.Contains("overlaps", error.Status.Detail);

        await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = approved.Id });
        await _client.CompleteProgrammeAsync(new CompleteProgrammeRequest { ProgrammeId = approved.Id });
        await _client.ApproveProgrammeAsync(Approval(competing.Id));
    }

    [Fact]
    public async Task Changes_WhenVersionIsStale_AreAbortedAndWhenProgrammeIsUnknown_NotFound()
    {
        var programme = await Lifecycle.RegisterAsync("NER");
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.AddPriorityAsync(
            new AddPriorityRequest { ProgrammeId = programme.Id, Title = "P", ExpectedVersion = programme.Version + 1 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.StartConsultationAsync(
            new StartConsultationRequest { ProgrammeId = programme.Id, ExpectedVersion = programme.Version + 5 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.AddPriorityAsync(
            new AddPriorityRequest { ProgrammeId = Guid.NewGuid().ToString(), Title = "P" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetProgrammeHistoryAsync(
            new GetProgrammeHistoryRequest { ProgrammeId = Guid.NewGuid().ToString() }).ResponseAsync);

        var current = await _client.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = programme.Id, Title = "P", ExpectedVersion = programme.Version });
        Assert.Equal(programme.Version + 1, current.Version);
    }

    [Fact]
    public async Task ChangeAndWithdrawOutcome_UpdateTheOutcomeAndTheResourceNeed()
    {
        var programme = await Lifecycle.WithOutcomeAsync("MLI");
        var outcome = programme.Priorities[0].Outcomes[0];
        var changed = await _client.ChangeOutcomeAsync(new ChangeOutcomeRequest
        {
            ProgrammeId = programme.Id, OutcomeId = outcome.Id, Code = "MLI102", Statement = "Social security extended",
            StrategicObjective = StrategicObjective.SocialProtection, ResourceNeed = Usd(250_000), ExpectedVersion = programme.Version,
        });
        Assert.Equal("MLI102", changed.Priorities[0].Outcomes[0].Code);
        Assert.Equal(250_000m, ProtoConvert.ToDecimal(changed.ResourceNeed));

        var withdrawn = await _client.WithdrawOutcomeAsync(new WithdrawOutcomeRequest { ProgrammeId = programme.Id, OutcomeId = outcome.Id });
        Assert.True(withdrawn.Priorities[0].Outcomes[0].Withdrawn);
        Assert.Equal(0m, ProtoConvert.ToDecimal(withdrawn.ResourceNeed));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.WithdrawOutcomeAsync(new WithdrawOutcomeRequest { ProgrammeId = programme.Id, OutcomeId = outcome.Id }).ResponseAsync);
    }

    [Fact]
    public async Task GetProgrammeHistory_PagesOldestFirst()
    {
        var programme = await Lifecycle.WithOutcomeAsync("TGO");
        var first = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id, PageSize = 2 });
        var second = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(3, first.TotalSize);
        Assert.Equal(["Registered", "PriorityAdded"], first.Entries.Select(e => e.Action));
        Assert.Equal("OutcomeAdded", Assert.Single(second.Entries).Action);
        Assert.Equal("", second.NextPageToken);
        await RpcAssert.InvalidFields(() => _client.GetProgrammeHistoryAsync(
            new GetProgrammeHistoryRequest { ProgrammeId = "x", PageToken = "bad" }).ResponseAsync, "programme_id", "page_token");
    }
}
