using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

public class AgreementServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<Agreement> NewAgreement(string? partnerId = null, int startYear = 2008) =>
        await _client.RegisterAgreementAsync(Requests.Agreement(partnerId ?? (await _client.RegisterPartnerAsync(Requests.Partner())).Id, startYear));

    private static ReviewAgreementAlignmentRequest Review(Agreement agreement, params bool[] met) => new()
    {
        PartnerId = agreement.PartnerId,
        Id = agreement.Id,
        StrategicPriorities = new AlignmentFinding { Met = met[0] },
        ProgrammingCycles = new AlignmentFinding { Met = met[1] },
        PredictableFunding = new AlignmentFinding { Met = met[2] },
        HarmonisedReporting = new AlignmentFinding { Met = met[3] },
        CommonPrinciples = new AlignmentFinding { Met = met[4], Note = "Reporting on its own cycle" },
        ReviewDate = new Date { Year = 2008, Month = 9, Day = 1 },
    };

    [Fact]
    public async Task RegisterAgreement_WhenValid_ReturnsTheAgreementThatGetReturns()
    {
        var agreement = await NewAgreement();

        Assert.Equal(("Framework agreement 2008", AgreementKind.MultiYearFramework, "NOK", 120_000_000L, 1L),
            (agreement.Title, agreement.Kind, agreement.PledgedAmount.CurrencyCode, agreement.PledgedAmount.Units, agreement.Version));
        Assert.Equal([ThematicProvision.GenderEquality, ThematicProvision.Tripartism], agreement.ThematicProvisions);
        Assert.Null(agreement.AlignmentReview);
        Assert.Equal(agreement, await _client.GetAgreementAsync(new GetAgreementRequest { PartnerId = agreement.PartnerId, Id = agreement.Id }));
        Assert.Equal(agreement, await _client.GetAgreementAsync(new GetAgreementRequest { PartnerId = "-", Id = agreement.Id }));
    }

    [Fact]
    public async Task RegisterAgreement_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = new RegisterAgreementRequest
        {
            PartnerId = "x", Title = " ", Kind = (AgreementKind)9,
            StartDate = new Date { Year = 2008, Month = 13, Day = 1 },
            PledgedAmount = new Money { CurrencyCode = "usd", Units = 0 },
            ThematicProvisions = { ThematicProvision.Unspecified },
        };
        await RpcAssert.InvalidFields(() => _client.RegisterAgreementAsync(request).ResponseAsync,
            "partner_id", "title", "kind", "start_date", "end_date", "pledged_amount", "pledged_amount.currency_code", "earmarking", "thematic_provisions");
    }

    [Fact]
    public async Task RegisterAgreement_WhenItEndsBeforeItStarts_IsInvalidEndDate()
    {
        var request = Requests.Agreement((await _client.RegisterPartnerAsync(Requests.Partner())).Id);
        request.EndDate = new Date { Year = 2007, Month = 12, Day = 31 };
        await RpcAssert.InvalidFields(() => _client.RegisterAgreementAsync(request).ResponseAsync, "end_date");
    }

    [Fact]
    public async Task RegisterAgreement_WhenThePartnerIsNotRegistered_FailsThePrecondition() =>
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.RegisterAgreementAsync(Requests.Agreement(Guid.NewGuid().ToString())).ResponseAsync);

    [Fact]
    public async Task GetAgreement_WhenUnknownOrAnotherPartners_IsNotFound()
    {
        var agreement = await NewAgreement();
        var other = await _client.RegisterPartnerAsync(Requests.Partner());
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetAgreementAsync(new GetAgreementRequest { PartnerId = other.Id, Id = agreement.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetAgreementAsync(new GetAgreementRequest { PartnerId = "-", Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetAgreementAsync(new GetAgreementRequest { PartnerId = "", Id = "1" }).ResponseAsync, "partner_id", "id");
    }

    [Fact]
    public async Task ListAgreements_ListsAPartnersAgreementsNewestStartFirstAndPages()
    {
        var partner = (await _client.RegisterPartnerAsync(Requests.Partner())).Id;
        foreach (var year in new[] { 2006, 2010, 2008 }) await NewAgreement(partner, year);
        await NewAgreement();

        var first = await _client.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = partner, PageSize = 2 });
        var second = await _client.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = partner, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(3, first.TotalSize);
        Assert.Equal([2010, 2008, 2006], first.Agreements.Concat(second.Agreements).Select(a => a.StartDate.Year));
        Assert.True((await _client.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = "-" })).TotalSize >= 4);
        await RpcAssert.InvalidFields(() => _client.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = "all", PageSize = -1 }).ResponseAsync,
            "partner_id", "page_size");
    }

    [Fact]
    public async Task ReviewAgreementAlignment_WhenValid_StoresTheReviewAndAStaleVersionIsAborted()
    {
        var agreement = await NewAgreement();

        var reviewed = await _client.ReviewAgreementAlignmentAsync(Review(agreement, true, false, true, true, false));

        Assert.Equal(2, reviewed.Version);
        Assert.Equal((true, false, await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller)), (reviewed.AlignmentReview.StrategicPriorities.Met, reviewed.AlignmentReview.ProgrammingCycles.Met, reviewed.AlignmentReview.Reviewer));
        var stale = Review(agreement, true, true, true, true, true);
        stale.ExpectedVersion = 1;
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.ReviewAgreementAlignmentAsync(stale).ResponseAsync);
        stale.ExpectedVersion = 2;
        Assert.True((await _client.ReviewAgreementAlignmentAsync(stale)).AlignmentReview.CommonPrinciples.Met);
    }

    [Fact]
    public async Task ReviewAgreementAlignment_WhenFindingsOrDateAreMissing_ListsThem()
    {
        var request = new ReviewAgreementAlignmentRequest
        {
            PartnerId = "-", Id = (await NewAgreement()).Id, ExpectedVersion = -1,
            CommonPrinciples = new AlignmentFinding { Note = new string('n', 2001) },
        };
        await RpcAssert.InvalidFields(() => _client.ReviewAgreementAlignmentAsync(request).ResponseAsync,
            "strategic_priorities", "programming_cycles", "predictable_funding", "harmonised_reporting", "common_principles.note",
            "review_date", "expected_version");
    }

    [Fact]
    public async Task ReviewAgreementAlignment_WhenDatedInTheFutureOrUnknown_FailsOrIsNotFound()
    {
        var agreement = await NewAgreement();
        var future = Review(agreement, true, true, true, true, true);
        future.ReviewDate = new Date { Year = 2099, Month = 1, Day = 1 };
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ReviewAgreementAlignmentAsync(future).ResponseAsync);
        future.Id = Guid.NewGuid().ToString();
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ReviewAgreementAlignmentAsync(future).ResponseAsync);
    }

    [Fact]
    public async Task ReportAgreementAlignment_OverThePapersNineAgreements_Counts9_5_8_5_2()
    {
        bool[][] findings =
        [
            [true, true, true, true, true], [true, true, true, true, true], [true, true, true, true, false],
            [true, true, true, true, false], [true, true, true, false, false], [true, false, true, true, false],
            [true, false, true, false, false], [true, false, true, false, false], [true, false, false, false, false],
        ];
        var ids = new List<string>();
        foreach (var met in findings)
        {
            var agreement = await NewAgreement();
            await _client.ReviewAgreementAlignmentAsync(Review(agreement, met));
            ids.Add(agreement.Id);
        }
        var unreviewed = await NewAgreement();

        var report = await _client.ReportAgreementAlignmentAsync(new ReportAgreementAlignmentRequest
        {
            PartnerId = "-", AgreementIds = { ids.Append(unreviewed.Id) }, StartYear = 2008, EndYear = 2008,
        });

        Assert.Equal((9, 9, 5, 8, 5, 2), (report.ReviewedCount, report.StrategicPriorities, report.ProgrammingCycles,
            report.PredictableFunding, report.HarmonisedReporting, report.CommonPrinciples));
        var later = await _client.ReportAgreementAlignmentAsync(new ReportAgreementAlignmentRequest { PartnerId = "-", AgreementIds = { ids }, StartYear = 2009 });
        Assert.Equal(0, later.ReviewedCount);
        var onePartner = await _client.ReportAgreementAlignmentAsync(new ReportAgreementAlignmentRequest { PartnerId = (await _client.GetAgreementAsync(new GetAgreementRequest { PartnerId = "-", Id = ids[8] })).PartnerId });
        Assert.Equal((1, 0), (onePartner.ReviewedCount, onePartner.ProgrammingCycles));
        await RpcAssert.InvalidFields(() => _client.ReportAgreementAlignmentAsync(new ReportAgreementAlignmentRequest
        {
            PartnerId = "-", AgreementIds = { "x", "" }, EndYear = 3000,
        }).ResponseAsync, "agreement_ids[0]", "agreement_ids", "end_year");
    }

    [Fact]
    public async Task SignAgreement_WhenAPublicPrivatePartnershipHasNoChecklist_FailsUntilItIsCompleted()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Company", PartnerCategory.PrivateSector));
        var ppp = await _client.RegisterAgreementAsync(Requests.Agreement(partner.Id, kind: AgreementKind.PublicPrivatePartnership));
        var sign = new SignAgreementRequest { PartnerId = partner.Id, Id = ppp.Id, SignedOn = new Date { Year = 2008, Month = 3, Day = 1 } };

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.SignAgreementAsync(sign).ResponseAsync);
        Assert.Contains("checklist", error.Status.Detail);

        var completed = await _client.CompletePppChecklistAsync(new CompletePppChecklistRequest
        {
            PartnerId = "-", Id = ppp.Id, ExpectedVersion = 1,
            Checklist = new PppChecklist { CompletedBy = "PARDEV", CompletedOn = new Date { Year = 2008, Month = 2, Day = 1 } },
        });
        sign.ExpectedVersion = completed.Version;
        var signed = await _client.SignAgreementAsync(sign);

        // The request named "PARDEV"; the service records the caller instead.
        Assert.Equal((sign.SignedOn, await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller), 3L), (signed.SignedOn, signed.PppChecklist.CompletedBy, signed.Version));
        sign.ExpectedVersion = signed.Version;
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.SignAgreementAsync(sign).ResponseAsync);
    }

    [Fact]
    public async Task SignAndCompleteChecklist_WhenFieldsAreMissingStaleOrNotAPpp_FailAccordingly()
    {
        var agreement = await NewAgreement();
        await RpcAssert.InvalidFields(() => _client.SignAgreementAsync(new SignAgreementRequest { PartnerId = "-", Id = "x", ExpectedVersion = -1 }).ResponseAsync,
            "id", "signed_on", "expected_version");
        await RpcAssert.InvalidFields(() => _client.CompletePppChecklistAsync(new CompletePppChecklistRequest { PartnerId = "-", Id = agreement.Id, Checklist = new PppChecklist() }).ResponseAsync,
            "checklist.completed_on");
        var checklist = new PppChecklist { CompletedBy = "PARDEV", CompletedOn = new Date { Year = 2008, Month = 2, Day = 1 } };
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.CompletePppChecklistAsync(new CompletePppChecklistRequest { PartnerId = "-", Id = agreement.Id, Checklist = checklist }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.SignAgreementAsync(new SignAgreementRequest
        {
            PartnerId = agreement.PartnerId, Id = agreement.Id, SignedOn = checklist.CompletedOn, ExpectedVersion = 7,
        }).ResponseAsync);
    }
}
