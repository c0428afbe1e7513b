using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>The history routes: who, when and old → new per version, paged, and scoped as each Get is.</summary>
public class HistoryServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private static readonly TestCaller DeskOfficer = new("Desk officer Ingrid", [Roles.ProgrammeStaff]);
    private readonly PartnershipsService.PartnershipsServiceClient _staff = new(fixture.Service.Channel);

    private PartnershipsService.PartnershipsServiceClient As(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    private static ReviewAgreementAlignmentRequest Review(Agreement agreement, bool met) => new()
    {
        PartnerId = agreement.PartnerId, Id = agreement.Id, ExpectedVersion = agreement.Version,
        StrategicPriorities = new AlignmentFinding { Met = met }, ProgrammingCycles = new AlignmentFinding { Met = true },
        PredictableFunding = new AlignmentFinding { Met = true }, HarmonisedReporting = new AlignmentFinding { Met = true },
        CommonPrinciples = new AlignmentFinding { Met = true }, ReviewDate = new Date { Year = 2008, Month = 9, Day = 1 },
    };

    [Fact]
    public async Task GetAgreementHistory_WhenAnotherUserChangesIt_ListsEachVersionWithWhoAndOldToNew()
    {
        var partner = await _staff.RegisterPartnerAsync(Requests.Partner());
        var agreement = await _staff.RegisterAgreementAsync(Requests.Agreement(partner.Id));
        agreement = await As(DeskOfficer).ReviewAgreementAlignmentAsync(Review(agreement, met: true));
        await As(DeskOfficer).ReviewAgreementAlignmentAsync(Review(agreement, met: false));

        var history = await _staff.GetAgreementHistoryAsync(new GetAgreementHistoryRequest { PartnerId = partner.Id, AgreementId = agreement.Id });

        Assert.Equal([1L, 2L, 3L], history.Records.Select(r => r.Version));
        Assert.Equal(3, history.TotalSize);
        Assert.Equal("RegisterAgreement", history.Records[0].Action);
        Assert.Contains(history.Records[0].Changes, c => c.Path == "title" && !c.HasOldValue && c.NewValue == "Framework agreement 2008");
        var second = history.Records[2];
        Assert.Equal(("ReviewAgreementAlignment", "Desk officer Ingrid"), (second.Action, second.ActorName));
        Assert.NotEqual(history.Records[0].ActorSubject, second.ActorSubject);
        var finding = Assert.Single(second.Changes, c => c.Path == "alignmentReview.strategicPriorities.met");
        Assert.Equal(("true", "false"), (finding.OldValue, finding.NewValue));
        Assert.True(second.ChangedAt.ToDateTimeOffset() >= history.Records[0].ChangedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task GetPartnerHistory_WhenPaged_ReturnsEveryVersionOnceAndRefusesAForeignToken()
    {
        var partner = await _staff.RegisterPartnerAsync(Requests.Partner());

        var first = await _staff.GetPartnerHistoryAsync(new GetPartnerHistoryRequest { PartnerId = partner.Id, PageSize = 1 });

        var created = Assert.Single(first.Records);
        Assert.Equal(("Partner", partner.Id, "RegisterPartner"), (created.ResourceKind, created.ResourceId, created.Action));
        Assert.Equal("", first.NextPageToken);
        var listToken = (await _staff.ListPartnersAsync(new ListPartnersRequest { PageSize = 1 })).NextPageToken;
        Assert.NotEqual("", listToken);
        await RpcAssert.InvalidFields(
            () => _staff.GetPartnerHistoryAsync(new GetPartnerHistoryRequest { PartnerId = partner.Id, PageToken = listToken }).ResponseAsync,
            "page_token");
    }

    [Fact]
    public async Task GetProjectHistory_WhenChangedManyTimes_PagesOldestFirstWithoutRepeats()
    {
        var partner = await _staff.RegisterPartnerAsync(Requests.Partner());
        var project = await _staff.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"zmb/{Guid.NewGuid():N}", Title = "Youth employment", CountryCodes = { "ZMB" }, PartnerIds = { partner.Id },
            Budget = DecentWork.ServiceDefaults.Grpc.ProtoConvert.ToMoney(2_000_000m),
            StartDate = new Date { Year = 2008, Month = 1, Day = 1 }, EndDate = new Date { Year = 2009, Month = 12, Day = 31 },
        });
        for (var i = 0; i < 3; i++)
            project = await _staff.ClassifyProjectAsync(new ClassifyProjectRequest
            {
                Id = project.Id, ExpectedVersion = project.Version,
                Classification = new() { SdgGoals = { $"{i + 1}" } },
            });

        var versions = new List<long>();
        var token = "";
        do
        {
            var page = await _staff.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = project.Id, PageSize = 2, PageToken = token });
            versions.AddRange(page.Records.Select(r => r.Version));
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal([1L, 2L, 3L, 4L], versions);
    }

    [Fact]
    public async Task Histories_WhenTheRecordIsAnotherPartners_AreNotFoundLikeAnUnknownId()
    {
        var mine = await _staff.RegisterPartnerAsync(Requests.Partner("Government of Norway"));
        var theirs = await _staff.RegisterPartnerAsync(Requests.Partner("Government of Sweden"));
        var theirAgreement = await _staff.RegisterAgreementAsync(Requests.Agreement(theirs.Id));
        var programmeId = await fixture.KnownProgrammeAsync();
        var theirApproval = await _staff.RecordFundingApprovalAsync(Requests.Approval(theirs.Id, programmeId));
        var agency = As(TestCaller.PartnerAgency(mine.Name));

        Assert.Single((await agency.GetPartnerHistoryAsync(new GetPartnerHistoryRequest { PartnerId = mine.Id })).Records);
        await AssertNotFoundLikeAnUnknownId(theirs.Id, id => agency.GetPartnerHistoryAsync(new GetPartnerHistoryRequest { PartnerId = id }).ResponseAsync);
        await AssertNotFoundLikeAnUnknownId(theirAgreement.Id,
            id => agency.GetAgreementHistoryAsync(new GetAgreementHistoryRequest { PartnerId = "-", AgreementId = id }).ResponseAsync);
        await AssertNotFoundLikeAnUnknownId(theirApproval.Id,
            id => agency.GetFundingApprovalHistoryAsync(new GetFundingApprovalHistoryRequest { FundingApprovalId = id }).ResponseAsync);
    }

    [Fact]
    public async Task GetFundingApprovalHistory_WhenTheIdIsNotAUuid_IsInvalidArgumentNamingTheField()
    {
        await RpcAssert.InvalidFields(
            () => _staff.GetFundingApprovalHistoryAsync(new GetFundingApprovalHistoryRequest { FundingApprovalId = "nope", PageSize = -1 }).ResponseAsync,
            "funding_approval_id", "page_size");
    }

    private static async Task AssertNotFoundLikeAnUnknownId(string hiddenId, Func<string, Task> get)
    {
        var unknownId = Guid.NewGuid().ToString();
        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => get(unknownId));
        var hidden = await RpcAssert.FailsWith(StatusCode.NotFound, () => get(hiddenId));
        Assert.Equal(unknown.Status.Detail.Replace(unknownId, hiddenId), hidden.Status.Detail);
    }
}
