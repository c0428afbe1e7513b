using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// A partner agency reads its own partner's records and the aggregate reports, and nothing of
/// another partner's: those answer as unknown ids do. Each test registers two fresh partners.
/// </summary>
public class PartnerScopeTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _staff = new(fixture.Service.Channel);

    /// <summary>What one partner has here: the partner, an agreement (reviewed), an approval, a project.</summary>
    private sealed record Holdings(Partner Partner, Agreement Agreement, FundingApproval Approval, Project Project, string ProgrammeId);

    private async Task<Holdings> RegisterHoldingsAsync(string name)
    {
        var partner = await _staff.RegisterPartnerAsync(Requests.Partner(name));
        var agreement = await _staff.RegisterAgreementAsync(Requests.Agreement(partner.Id));
        agreement = await _staff.ReviewAgreementAlignmentAsync(new ReviewAgreementAlignmentRequest
        {
            PartnerId = partner.Id, Id = agreement.Id,
            StrategicPriorities = new AlignmentFinding { Met = true }, ProgrammingCycles = new AlignmentFinding { Met = true },
            PredictableFunding = new AlignmentFinding { Met = true }, HarmonisedReporting = new AlignmentFinding { Met = true },
            CommonPrinciples = new AlignmentFinding { Met = true }, ReviewDate = new Date { Year = 2008, Month = 9, Day = 1 },
        });
        var programmeId = await fixture.ApprovedProgrammeAsync("ZMB", PartnershipsFixture.Outcome("ZMB 101"));
        var approval = await _staff.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId, 1_000_000m, 2008));
        var project = await _staff.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"zmb/{Guid.NewGuid():N}", Title = "Youth employment", CountryCodes = { "ZMB" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(2_000_000m),
            StartDate = new Date { Year = 2008, Month = 1, Day = 1 }, EndDate = new Date { Year = 2009, Month = 12, Day = 31 },
        });
        return new Holdings(partner, agreement, approval, project, programmeId);
    }

    private PartnershipsService.PartnershipsServiceClient As(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    /// <summary>The partner agency of this partner, naming it in another case: names match as the unique-name rule matches them.</summary>
    private PartnershipsService.PartnershipsServiceClient AgencyOf(Holdings holdings) =>
        As(TestCaller.PartnerAgency(holdings.Partner.Name.ToUpperInvariant()));

    /// <summary>Asserts NOT_FOUND with exactly the message an unknown id gets, so nothing tells the two apart.</summary>
    private static async Task AssertNotFoundLikeAnUnknownId(string hiddenId, Func<string, Task> get)
    {
        var unknownId = Guid.NewGuid().ToString();
        var unknown = await RpcAssert.FailsWith(StatusCode.NotFound, () => get(unknownId));
        var hidden = await RpcAssert.FailsWith(StatusCode.NotFound, () => get(hiddenId));
        Assert.Equal(unknown.Status.Detail.Replace(unknownId, hiddenId), hidden.Status.Detail);
    }

    [Fact]
    public async Task Gets_WhenTheRecordIsAnotherPartners_AreNotFoundLikeAnUnknownId()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var theirs = await RegisterHoldingsAsync("Government of Sweden");
        var agency = AgencyOf(mine);

        await AssertNotFoundLikeAnUnknownId(theirs.Partner.Id, id => agency.GetPartnerAsync(new GetPartnerRequest { Id = id }).ResponseAsync);
        await AssertNotFoundLikeAnUnknownId(theirs.Agreement.Id,
            id => agency.GetAgreementAsync(new GetAgreementRequest { PartnerId = "-", Id = id }).ResponseAsync);
        await AssertNotFoundLikeAnUnknownId(theirs.Agreement.Id,
            id => agency.GetAgreementAsync(new GetAgreementRequest { PartnerId = theirs.Partner.Id, Id = id }).ResponseAsync);
        await AssertNotFoundLikeAnUnknownId(theirs.Approval.Id, id => agency.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = id }).ResponseAsync);
        await AssertNotFoundLikeAnUnknownId(theirs.Project.Id, id => agency.GetProjectAsync(new GetProjectRequest { Id = id }).ResponseAsync);
    }

    [Fact]
    public async Task Gets_WhenTheRecordIsTheCallersPartners_AnswerAsForProgrammeStaff()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var agency = AgencyOf(mine);

        Assert.Equal(mine.Partner, await agency.GetPartnerAsync(new GetPartnerRequest { Id = mine.Partner.Id }));
        Assert.Equal(mine.Agreement, await agency.GetAgreementAsync(new GetAgreementRequest { PartnerId = "-", Id = mine.Agreement.Id }));
        Assert.Equal(mine.Approval, await agency.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = mine.Approval.Id }));
        Assert.Equal(mine.Project, await agency.GetProjectAsync(new GetProjectRequest { Id = mine.Project.Id }));
    }

    [Fact]
    public async Task Lists_WhenOtherPartnersHaveRecords_HoldAndCountOnlyTheCallersPartners()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var theirs = await RegisterHoldingsAsync("Government of Sweden");
        var agency = AgencyOf(mine);

        var partners = await agency.ListPartnersAsync(new ListPartnersRequest { PageSize = 200 });
        Assert.Equal(new[] { mine.Partner.Id }, partners.Partners.Select(p => p.Id));
        Assert.Equal(1, partners.TotalSize);

        var agreements = await agency.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = "-", PageSize = 200 });
        Assert.Equal(new[] { mine.Agreement.Id }, agreements.Agreements.Select(a => a.Id));
        Assert.Equal(1, agreements.TotalSize);
        var underTheirs = await agency.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = theirs.Partner.Id });
        Assert.Empty(underTheirs.Agreements);
        Assert.Equal(0, underTheirs.TotalSize);

        var approvals = await agency.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PageSize = 200 });
        Assert.Equal(new[] { mine.Approval.Id }, approvals.FundingApprovals.Select(a => a.Id));
        Assert.Equal(1, approvals.TotalSize);
        var ofTheirs = await agency.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = theirs.Partner.Id });
        Assert.Empty(ofTheirs.FundingApprovals);
        Assert.Equal(0, ofTheirs.TotalSize);

        var projects = await agency.ListProjectsAsync(new ListProjectsRequest { PageSize = 200 });
        Assert.Equal(new[] { mine.Project.Id }, projects.Projects.Select(p => p.Id));
        Assert.Equal(1, projects.TotalSize);

        // The same lists hold both partners' records for programme staff: the scope, not the data, left them out.
        var all = await _staff.ListProjectsAsync(new ListProjectsRequest { PageSize = 200 });
        Assert.Contains(theirs.Project.Id, all.Projects.Select(p => p.Id));
        Assert.True(all.TotalSize >= 2);
    }

    [Fact]
    public async Task Lists_WhenThePartnerTokenNamesNoPartner_AreEmpty()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var unnamed = As(TestCaller.WithRole(Roles.Partner));
        var unregistered = As(TestCaller.PartnerAgency($"Never registered {Guid.NewGuid():N}"));

        foreach (var agency in new[] { unnamed, unregistered })
        {
            Assert.Equal(0, (await agency.ListPartnersAsync(new ListPartnersRequest())).TotalSize);
            Assert.Equal(0, (await agency.ListAgreementsAsync(new ListAgreementsRequest { PartnerId = "-" })).TotalSize);
            Assert.Equal(0, (await agency.ListFundingApprovalsAsync(new ListFundingApprovalsRequest())).TotalSize);
            Assert.Equal(0, (await agency.ListProjectsAsync(new ListProjectsRequest())).TotalSize);
            await RpcAssert.FailsWith(StatusCode.NotFound, () => agency.GetPartnerAsync(new GetPartnerRequest { Id = mine.Partner.Id }).ResponseAsync);
        }
    }

    [Fact]
    public async Task ReportFundingApprovals_ByPartnerForAPartnerAgency_HoldsOnlyItsRowAndTheOverallTotals()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var theirs = await RegisterHoldingsAsync("Government of Sweden");
        var request = new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Partner, StartYear = 2008, EndYear = 2008 };

        var everyone = await _staff.ReportFundingApprovalsAsync(request);
        var own = await AgencyOf(mine).ReportFundingApprovalsAsync(request);

        Assert.Contains(theirs.Partner.Id, everyone.Totals.Select(t => t.Key));
        var row = Assert.Single(own.Totals);
        Assert.Equal(everyone.Totals.Single(t => t.Key == mine.Partner.Id), row);
        Assert.Equal(everyone.TotalAmount, own.TotalAmount);
        Assert.Equal(everyone.ApprovalCount, own.ApprovalCount);
        // Aggregate groupings are the same for every caller.
        var byYear = new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Year };
        Assert.Equal(await _staff.ReportFundingApprovalsAsync(byYear), await AgencyOf(mine).ReportFundingApprovalsAsync(byYear));
    }

    [Fact]
    public async Task ReportFundingApprovals_TopPartnersForAPartnerAgency_HoldItsRowOnlyWhenItIsAmongThem()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var theirs = await RegisterHoldingsAsync("Government of Sweden");
        await _staff.RecordFundingApprovalAsync(Requests.Approval(theirs.Partner.Id, theirs.ProgrammeId, 500_000_000m, 2008));
        var top = new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Partner, StartYear = 2008, EndYear = 2008, Limit = 1 };

        Assert.Equal(theirs.Partner.Id, Assert.Single((await _staff.ReportFundingApprovalsAsync(top)).Totals).Key);
        Assert.Equal(theirs.Partner.Id, Assert.Single((await AgencyOf(theirs).ReportFundingApprovalsAsync(top)).Totals).Key);
        Assert.Empty((await AgencyOf(mine).ReportFundingApprovalsAsync(top)).Totals);
    }

    [Fact]
    public async Task AggregateReports_ForAPartnerAgency_AreTheOfficeWideOnes()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        await RegisterHoldingsAsync("Government of Sweden");
        var agency = AgencyOf(mine);

        Assert.Equal(await _staff.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest()),
            await agency.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest()));
        var africa = new ReportAfricaShareRequest { StartYear = 2007, EndYear = 2009 };
        Assert.Equal(await _staff.ReportAfricaShareAsync(africa), await agency.ReportAfricaShareAsync(africa));
        Assert.Equal(await _staff.ReportProjectLinkageAsync(new ReportProjectLinkageRequest()),
            await agency.ReportProjectLinkageAsync(new ReportProjectLinkageRequest()));
        var pool = new GetRbsaPoolRequest { BienniumStartYear = 2008 };
        Assert.Equal(await _staff.GetRbsaPoolAsync(pool), await agency.GetRbsaPoolAsync(pool));
        var alignment = new ReportAgreementAlignmentRequest { PartnerId = "-" };
        var officeWide = await agency.ReportAgreementAlignmentAsync(alignment);
        Assert.Equal(await _staff.ReportAgreementAlignmentAsync(alignment), officeWide);
        Assert.True(officeWide.ReviewedCount >= 2);
    }

    [Fact]
    public async Task ReportAgreementAlignment_WhenAPartnerAgencyNamesAnotherPartnersAgreements_CountsOnlyItsOwn()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var theirs = await RegisterHoldingsAsync("Government of Sweden");
        var agency = AgencyOf(mine);

        var named = new ReportAgreementAlignmentRequest { PartnerId = "-", AgreementIds = { mine.Agreement.Id, theirs.Agreement.Id } };
        Assert.Equal(2, (await _staff.ReportAgreementAlignmentAsync(named)).ReviewedCount);
        Assert.Equal(1, (await agency.ReportAgreementAlignmentAsync(named)).ReviewedCount);
        var underTheirs = new ReportAgreementAlignmentRequest { PartnerId = theirs.Partner.Id };
        Assert.Equal(1, (await _staff.ReportAgreementAlignmentAsync(underTheirs)).ReviewedCount);
        Assert.Equal(0, (await agency.ReportAgreementAlignmentAsync(underTheirs)).ReviewedCount);
    }

    [Fact]
    public async Task GetFundingGap_ForAPartnerAgency_AnswersForWhatItFundsAndNotFoundOtherwise()
    {
        var mine = await RegisterHoldingsAsync("Government of Norway");
        var theirs = await RegisterHoldingsAsync("Government of Sweden");
        var agency = AgencyOf(mine);

        var gap = new GetFundingGapRequest { ProgrammeId = mine.ProgrammeId, StartYear = 2010, EndYear = 2011 };
        Assert.Equal(await _staff.GetFundingGapAsync(gap), await agency.GetFundingGapAsync(gap));
        await AssertNotFoundLikeAnUnknownId(theirs.ProgrammeId,
            id => agency.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = id }).ResponseAsync);
    }
}
