using System.Net;
using System.Reflection;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Service = DecentWork.Partnerships.Grpc.PartnershipsService;

namespace DecentWork.Partnerships.Tests;

/// <summary>Who may call what: the permission matrix as the running service applies it.</summary>
public class AccessPolicyTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private const string PolicyPrefix = "partnerships.";

    /// <summary>
    /// One representative RPC per partnerships policy, called with a request that is valid or
    /// merely invalid: an admitted caller gets an answer or INVALID_ARGUMENT, never a refusal.
    /// </summary>
    private static readonly Dictionary<string, Func<PartnershipsService.PartnershipsServiceClient, Task>> Representatives = new()
    {
        [AccessPolicies.PartnershipsRead] = c => c.ListPartnersAsync(new ListPartnersRequest()).ResponseAsync,
        [AccessPolicies.PartnershipsWrite] = c => c.RegisterPartnerAsync(new RegisterPartnerRequest()).ResponseAsync,
        [AccessPolicies.PartnershipsReport] = c => c.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest()).ResponseAsync,
    };

    /// <summary>Every change the service offers, each with an empty request: authorisation comes before validation.</summary>
    private static readonly Dictionary<string, Func<PartnershipsService.PartnershipsServiceClient, Task>> Writes = new()
    {
        [nameof(Service.RegisterPartner)] = c => c.RegisterPartnerAsync(new RegisterPartnerRequest()).ResponseAsync,
        [nameof(Service.RegisterAgreement)] = c => c.RegisterAgreementAsync(new RegisterAgreementRequest()).ResponseAsync,
        [nameof(Service.ReviewAgreementAlignment)] = c => c.ReviewAgreementAlignmentAsync(new ReviewAgreementAlignmentRequest()).ResponseAsync,
        [nameof(Service.CompletePppChecklist)] = c => c.CompletePppChecklistAsync(new CompletePppChecklistRequest()).ResponseAsync,
        [nameof(Service.SignAgreement)] = c => c.SignAgreementAsync(new SignAgreementRequest()).ResponseAsync,
        [nameof(Service.RecordFundingApproval)] = c => c.RecordFundingApprovalAsync(new RecordFundingApprovalRequest()).ResponseAsync,
        [nameof(Service.AllocateRbsa)] = c => c.AllocateRbsaAsync(new AllocateRbsaRequest()).ResponseAsync,
        [nameof(Service.RegisterProject)] = c => c.RegisterProjectAsync(new RegisterProjectRequest()).ResponseAsync,
        [nameof(Service.AppraiseProject)] = c => c.AppraiseProjectAsync(new AppraiseProjectRequest()).ResponseAsync,
        [nameof(Service.ReviewProjectGender)] = c => c.ReviewProjectGenderAsync(new ReviewProjectGenderRequest()).ResponseAsync,
        [nameof(Service.ApproveProject)] = c => c.ApproveProjectAsync(new ApproveProjectRequest()).ResponseAsync,
        [nameof(Service.ChangeProjectStatus)] = c => c.ChangeProjectStatusAsync(new ChangeProjectStatusRequest()).ResponseAsync,
        [nameof(Service.ClassifyProject)] = c => c.ClassifyProjectAsync(new ClassifyProjectRequest()).ResponseAsync,
        [nameof(Service.AmendFundingApproval)] = c => c.AmendFundingApprovalAsync(new AmendFundingApprovalRequest()).ResponseAsync,
        [nameof(Service.CancelFundingApproval)] = c => c.CancelFundingApprovalAsync(new CancelFundingApprovalRequest()).ResponseAsync,
        [nameof(Service.WithdrawProject)] = c => c.WithdrawProjectAsync(new WithdrawProjectRequest()).ResponseAsync,
        // ---- money ----
        [nameof(Service.SetProjectBudgetLine)] = c => c.SetProjectBudgetLineAsync(new SetProjectBudgetLineRequest()).ResponseAsync,
        [nameof(Service.RecordFinancialTransaction)] = c => c.RecordFinancialTransactionAsync(new RecordFinancialTransactionRequest()).ResponseAsync,
        [nameof(Service.ImportFinancialTransactions)] = c => c.ImportFinancialTransactionsAsync(new ImportFinancialTransactionsRequest()).ResponseAsync,
        // ---- money2 ----
        [nameof(Service.RecordProjectMeeting)] = c => c.RecordProjectMeetingAsync(new RecordProjectMeetingRequest()).ResponseAsync,
        [nameof(Service.SetProjectCommittee)] = c => c.SetProjectCommitteeAsync(new SetProjectCommitteeRequest()).ResponseAsync,
    };

    /// <summary>The RPC implementations: the overrides of the generated base class.</summary>
    private static IEnumerable<MethodInfo> Rpcs() =>
        typeof(Service).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == typeof(PartnershipsService.PartnershipsServiceBase));

    private static string? PolicyOf(MethodInfo rpc) => rpc.GetCustomAttribute<AuthorizeAttribute>()?.Policy;

    public static TheoryData<string, string> PolicyAndRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var policy in AccessPolicies.Matrix.Keys.Where(p => p.StartsWith(PolicyPrefix, StringComparison.Ordinal)))
            foreach (var role in Roles.All)
                data.Add(policy, role);
        return data;
    }

    [Fact]
    public void EveryRpc_NamesAPartnershipsPolicyOfTheMatrix()
    {
        var rpcs = Rpcs().ToList();
        Assert.NotEmpty(rpcs);
        Assert.All(rpcs, rpc => Assert.True(PolicyOf(rpc) is { } policy && policy.StartsWith(PolicyPrefix, StringComparison.Ordinal)
            && AccessPolicies.Matrix.ContainsKey(policy), $"{rpc.Name} names no partnerships policy of the matrix"));
    }

    [Fact]
    public void Writes_ListEveryRpcUnderTheWritePolicy()
    {
        var writes = Rpcs().Where(rpc => PolicyOf(rpc) == AccessPolicies.PartnershipsWrite).Select(rpc => rpc.Name).Order();
        Assert.Equal(writes, Writes.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(PolicyAndRole))]
    public async Task RepresentativeRpc_ForEachRole_IsRefusedExactlyWhenTheMatrixDoesNotAdmitTheRole(string policy, string role)
    {
        Assert.True(Representatives.TryGetValue(policy, out var call), $"no representative RPC for {policy}");
        var client = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.WithRole(role)));
        if (AccessPolicies.Matrix[policy].Contains(role))
        {
            var refused = await Record.ExceptionAsync(() => call(client)) as RpcException;
            Assert.False(refused?.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated,
                $"{role} is admitted to {policy} by the matrix but was refused: {refused?.Status}");
        }
        else
        {
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => call(client));
        }
    }

    [Fact]
    public async Task Writes_ForAnAuditor_AreEachPermissionDenied()
    {
        var auditor = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.Auditor));
        foreach (var (name, write) in Writes)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => write(auditor));
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{name}: {error.Status}");
        }
    }

    [Fact]
    public async Task Reads_ForAnAuditor_SeeEveryPartnersRecords()
    {
        var staff = new PartnershipsService.PartnershipsServiceClient(fixture.Service.Channel);
        var auditor = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.Auditor));
        var first = await staff.RegisterPartnerAsync(Requests.Partner("Government of Norway"));
        var second = await staff.RegisterPartnerAsync(Requests.Partner("Government of Sweden"));
        var agreement = await staff.RegisterAgreementAsync(Requests.Agreement(second.Id));
        var programmeId = await fixture.KnownProgrammeAsync();
        var approval = await staff.RecordFundingApprovalAsync(Requests.Approval(first.Id, programmeId));

        Assert.Equal(second, await auditor.GetPartnerAsync(new GetPartnerRequest { Id = second.Id }));
        Assert.Equal(agreement, await auditor.GetAgreementAsync(new GetAgreementRequest { PartnerId = "-", Id = agreement.Id }));
        Assert.Equal(approval, await auditor.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = approval.Id }));
        var all = new ListPartnersRequest { PageSize = 200 };
        Assert.Equal((await staff.ListPartnersAsync(all)).TotalSize, (await auditor.ListPartnersAsync(all)).TotalSize);
        var report = new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Partner };
        Assert.Equal(await staff.ReportFundingApprovalsAsync(report), await auditor.ReportFundingApprovalsAsync(report));
    }

    [Fact]
    public async Task Rpcs_WithoutAToken_AreUnauthenticated()
    {
        var anonymous = new PartnershipsService.PartnershipsServiceClient(fixture.Service.AnonymousChannel);
        foreach (var call in Representatives.Values.Append(c => c.GetProjectAsync(new GetProjectRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync))
            await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => call(anonymous));
    }

    [Fact]
    public async Task JsonRoute_WithoutAToken_Is401()
    {
        using var response = await fixture.Service.AnonymousHttp.GetAsync("/v1/partners");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
