using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Who may do what to one programme: the constituents sign for themselves, the reviewer is not
/// the drafter or submitter, and every author is the token's caller.
/// </summary>
public class ProgrammeSignatureServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _staff = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private ProgrammingService.ProgrammingServiceClient As(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    private async Task<Programme> ClearedAsync(string country) =>
        await Lifecycle.ReviewAsync((await Lifecycle.UnderQualityAssuranceAsync(country)).Id);

    [Fact]
    public async Task SignProgramme_ByAConstituent_RecordsTheTokensNameFunctionAndSubject()
    {
        var programme = await ClearedAsync("ZAF");
        var minister = TestCaller.Constituent("ZAF", "government");

        var signed = await As(minister).SignProgrammeAsync(Signature(programme.Id, ConstituentGroup.Government));

        var signature = Assert.Single(signed.Signatories);
        Assert.Equal((ConstituentGroup.Government, $"{minister.Name}, Minister of Labour", minister.ClientId),
            (signature.Group, signature.Name, signature.SignedBy));
        var history = await _staff.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id, PageSize = 50 });
        var entry = history.Entries.Last();
        Assert.Equal(("Signed", minister.Name, await fixture.Service.DisplayOfAsync(minister)), (entry.Action, entry.ChangedByName, entry.ChangedBy));
    }

    [Fact]
    public async Task SignProgramme_WhenTheCallerIsNotAConstituentOfTheCountryAndGroup_IsRefused()
    {
        var programme = await ClearedAsync("BWA");
        var request = Signature(programme.Id, ConstituentGroup.Workers);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _staff.SignProgrammeAsync(request).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => As(TestCaller.Constituent("NAM", "workers")).SignProgrammeAsync(request).ResponseAsync);
        var noGroup = new TestCaller("BWA constituent without a group", [Roles.Constituent], ["BWA"]);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => As(noGroup).SignProgrammeAsync(request).ResponseAsync);

        Assert.Empty((await _staff.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id })).Signatories);
    }

    [Fact]
    public async Task SignProgramme_WhenTheGroupSignedAlready_ReplacesOnlyTheSameSignersSignature()
    {
        var programme = await ClearedAsync("LSO");
        var union = TestCaller.Constituent("LSO", "workers");
        var rival = new TestCaller("LSO rival union", [Roles.Constituent], ["LSO"], ConstituentGroup: "workers");
        await As(union).SignProgrammeAsync(Signature(programme.Id, ConstituentGroup.Workers));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => As(rival).SignProgrammeAsync(Signature(programme.Id, ConstituentGroup.Workers)).ResponseAsync);
        Assert.Contains("already signed for workers", error.Status.Detail);

        var corrected = Signature(programme.Id, ConstituentGroup.Workers);
        corrected.SignedOn = new Google.Type.Date { Year = 2008, Month = 3, Day = 1 };
        var resigned = await As(union).SignProgrammeAsync(corrected);
        var signature = Assert.Single(resigned.Signatories);
        Assert.Equal((union.ClientId, 3), (signature.SignedBy, signature.SignedOn.Month));
    }

    [Fact]
    public async Task SignProgramme_BeforeAClearedReview_IsFailedPrecondition()
    {
        var programme = await Lifecycle.UnderQualityAssuranceAsync("SWZ");
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Lifecycle.Constituent("SWZ", ConstituentGroup.Government).SignProgrammeAsync(Signature(programme.Id, ConstituentGroup.Government)).ResponseAsync);
        Assert.Contains("Signing needs a cleared quality-assurance review", error.Status.Detail);
    }

    [Fact]
    public async Task ApproveProgramme_WhenAGroupHasNotSigned_IsFailedPreconditionNamingIt()
    {
        var programme = await ClearedAsync("MWI");
        foreach (var group in new[] { ConstituentGroup.Government, ConstituentGroup.Employers })
            await Lifecycle.Constituent("MWI", group).SignProgrammeAsync(Signature(programme.Id, group));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _staff.ApproveProgrammeAsync(Approval(programme.Id)).ResponseAsync);
        Assert.Contains("not signed for: workers", error.Status.Detail);

        await Lifecycle.Constituent("MWI", ConstituentGroup.Workers).SignProgrammeAsync(Signature(programme.Id, ConstituentGroup.Workers));
        Assert.Equal(ProgrammeStatus.Approved, (await _staff.ApproveProgrammeAsync(Approval(programme.Id))).Status);
    }

    [Fact]
    public async Task AddOutcome_AfterSigning_DiscardsTheSignaturesWithTheClearance()
    {
        var programme = await Lifecycle.SignedByAllAsync(await ClearedAsync("ZWE"));
        Assert.Equal(3, programme.Signatories.Count);

        var changed = await _staff.AddOutcomeAsync(new AddOutcomeRequest
        {
            ProgrammeId = programme.Id, PriorityId = programme.Priorities[0].Id, Code = "ZWE102", Statement = "Social protection floor",
            StrategicObjective = StrategicObjective.SocialProtection, ResourceNeed = Usd(10_000),
        });

        Assert.Empty(changed.Signatories);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _staff.ApproveProgrammeAsync(Approval(programme.Id)).ResponseAsync);
        await Lifecycle.SignedByAllAsync(await Lifecycle.ReviewAsync(programme.Id));
        Assert.Equal(ProgrammeStatus.Approved, (await _staff.ApproveProgrammeAsync(Approval(programme.Id))).Status);
    }

    [Fact]
    public async Task RecordQualityAssuranceReview_ByTheDrafterOrTheSubmitter_IsPermissionDenied()
    {
        // Someone holding both roles may review others' programmes, never their own.
        var both = new TestCaller("Officer who also reviews", [Roles.ProgrammeStaff, Roles.QaReviewer]);
        var drafter = As(both);
        var drafted = await drafter.RegisterProgrammeAsync(Registration("MOZ"));
        var own = await Lifecycle.UnderQualityAssuranceAsync("AGO"); // drafted and submitted by programme staff
        var submittedByBoth = await Lifecycle.WithOutcomeAsync("ZMB");
        await _staff.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = submittedByBoth.Id });
        await _staff.RecordConsultationAsync(Consultation(submittedByBoth, ConstituentGroup.Government, ConstituentGroup.Employers, ConstituentGroup.Workers));
        await drafter.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = submittedByBoth.Id });

        var bySubmitter = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => drafter.RecordQualityAssuranceReviewAsync(Review(submittedByBoth.Id)).ResponseAsync);
        Assert.StartsWith("separation of duties:", bySubmitter.Status.Detail);
        Assert.Contains("submitted", bySubmitter.Status.Detail);
        var reviewedByOther = await drafter.RecordQualityAssuranceReviewAsync(Review(own.Id));
        Assert.Single(reviewedByOther.QualityAssuranceReviews);

        // The drafter's own programme, carried to quality assurance by staff: still not theirs to review.
        var ready = await drafter.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = drafted.Id, Title = "Jobs" });
        ready = await drafter.AddOutcomeAsync(new AddOutcomeRequest
        {
            ProgrammeId = ready.Id, PriorityId = ready.Priorities[0].Id, Code = "MOZ101", Statement = "Jobs",
            StrategicObjective = StrategicObjective.Employment, ResourceNeed = Usd(1),
        });
        await _staff.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = ready.Id });
        await _staff.RecordConsultationAsync(Consultation(ready, ConstituentGroup.Government, ConstituentGroup.Employers, ConstituentGroup.Workers));
        await _staff.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = ready.Id });
        var byDrafter = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => drafter.RecordQualityAssuranceReviewAsync(Review(ready.Id)).ResponseAsync);
        Assert.Contains("drafted", byDrafter.Status.Detail);
        Assert.Empty((await _staff.GetProgrammeAsync(new GetProgrammeRequest { Id = ready.Id })).QualityAssuranceReviews);
    }

    [Fact]
    public async Task Changes_IgnoreChangedByAndTheXUserHeader_AndRecordTheTokensCaller()
    {
        var programme = await Lifecycle.RegisterAsync("COD");
#pragma warning disable CS0612 // the deprecated field, as an old client still sends it
        var request = new AddPriorityRequest { ProgrammeId = programme.Id, Title = "Labour inspection", ChangedBy = "mallory@example.org" };
#pragma warning restore CS0612
        await _staff.AddPriorityAsync(request, new Metadata { { "x-user", "eve@example.org" } });

        var entry = (await _staff.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id })).Entries.Last();
        Assert.Equal((await fixture.Service.DisplayOfAsync(TestCaller.ProgrammeStaff), TestCaller.ProgrammeStaff.ClientId, TestCaller.ProgrammeStaff.Name),
            (entry.ChangedBy, entry.ChangedBySubject, entry.ChangedByName));
    }
}
