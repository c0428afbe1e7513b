using System.Collections.Concurrent;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Type;
using MassTransit;

namespace DecentWork.Partnerships.Tests;

/// <summary>Who changed a record comes from the caller's token, never from the request.</summary>
public class ChangedByTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    /// <summary>A second member of programme staff, so "the default caller" cannot pass by accident.</summary>
    private static readonly TestCaller Colleague = new("Second programme officer", [Roles.ProgrammeStaff]);

    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.ChannelFor(Colleague));

    [Fact]
    public async Task ReviewAgreementAlignment_WhenTheRequestNamesAReviewer_RecordsTheCallerInstead()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var agreement = await _client.RegisterAgreementAsync(Requests.Agreement(partner.Id));
        var finding = new AlignmentFinding { Met = true };
        var request = new ReviewAgreementAlignmentRequest
        {
            PartnerId = partner.Id, Id = agreement.Id, StrategicPriorities = finding, ProgrammingCycles = finding,
            PredictableFunding = finding, HarmonisedReporting = finding, CommonPrinciples = finding,
            ReviewDate = new Date { Year = 2008, Month = 9, Day = 1 },
        };
#pragma warning disable CS0612 // The deprecated field is set on purpose: the service must ignore it.
        request.Reviewer = "Somebody else";
#pragma warning restore CS0612

        var reviewed = await _client.ReviewAgreementAlignmentAsync(request);

        Assert.Equal(await fixture.Service.DisplayOfAsync(Colleague), reviewed.AlignmentReview.Reviewer);
    }

    [Fact]
    public async Task ChangeProjectStatus_RecordsTheCallerInTheHistory()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var ok = new AppraisalFinding { Satisfactory = true };
        var day = new Date { Year = 2008, Month = 2, Day = 1 };
        var project = await _client.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"khm/{Guid.NewGuid():N}", Title = "Skills", CountryCodes = { "KHM" }, PartnerIds = { partner.Id },
            Budget = DecentWork.ServiceDefaults.Grpc.ProtoConvert.ToMoney(1_000_000m),
            StartDate = day, EndDate = new Date { Year = 2009, Month = 12, Day = 31 },
        });
        await _client.AppraiseProjectAsync(new AppraiseProjectRequest
        {
            Id = project.Id,
            Appraisal = new ProjectAppraisal
            {
                Relevance = ok, Design = ok, FinancialFeasibility = ok, LegalFeasibility = ok, Sustainability = ok, Coherence = ok,
                Appraiser = "Somebody else", AppraisalDate = day,
            },
        });
        await _client.ReviewProjectGenderAsync(new ReviewProjectGenderRequest
        {
            Id = project.Id, Review = new GenderPeerReview { Cleared = true, Reviewer = "Somebody else", ReviewDate = day },
        });
        await _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id });
        var staff = new PartnershipsService.PartnershipsServiceClient(fixture.Service.Channel);
        var cancelled = await staff.ChangeProjectStatusAsync(new ChangeProjectStatusRequest
        {
            Id = project.Id, Status = ProjectStatus.Cancelled, Reason = "donor withdrew",
        });

        Assert.Equal(
            new[] { await fixture.Service.DisplayOfAsync(Colleague), await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller) },
            cancelled.StatusChanges.Select(c => c.ChangedBy));
        Assert.Equal((await fixture.Service.DisplayOfAsync(Colleague), await fixture.Service.DisplayOfAsync(Colleague)),
            (cancelled.Appraisal.Appraiser, cancelled.GenderPeerReview.Reviewer));
    }

    [Fact]
    public async Task IntegrationEvents_CarryTheCallerAsChangedBy()
    {
        var registered = new ConcurrentDictionary<Guid, PartnerRegistered>();
        var approved = new ConcurrentDictionary<Guid, FundingApproved>();
        var endpoint = fixture.Bus.ConnectReceiveEndpoint($"changed-by-tests-{Guid.NewGuid():N}", e =>
        {
            e.Handler<PartnerRegistered>(c => { registered[c.Message.PartnerId] = c.Message; return Task.CompletedTask; });
            e.Handler<FundingApproved>(c => { approved[c.Message.ApprovalId] = c.Message; return Task.CompletedTask; });
        });
        await endpoint.Ready;
        try
        {
            var programmeId = await fixture.KnownProgrammeAsync();
            var partner = await _client.RegisterPartnerAsync(Requests.Partner());
            var approval = await _client.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId));

            var partnerEvent = await Eventually.Until(() => Task.FromResult(registered.GetValueOrDefault(Guid.Parse(partner.Id))),
                e => e is not null, what: "PartnerRegistered");
            var approvalEvent = await Eventually.Until(() => Task.FromResult(approved.GetValueOrDefault(Guid.Parse(approval.Id))),
                e => e is not null, what: "FundingApproved");
            Assert.Equal(await fixture.Service.DisplayOfAsync(Colleague), partnerEvent!.ChangedBy);
            Assert.Equal(await fixture.Service.DisplayOfAsync(Colleague), approvalEvent!.ChangedBy);
        }
        finally
        {
            await endpoint.StopAsync();
        }
    }
}
