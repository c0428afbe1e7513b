using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;
using System.Net;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>
/// The permission matrix as the service applies it, driven by <see cref="AccessPolicies.Matrix"/>:
/// for every role and every programming policy, a representative RPC is let through when the
/// matrix admits the role and refused with PERMISSION_DENIED when it does not.
/// </summary>
public class ProgrammeAccessServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    /// <summary>
    /// One RPC per programming policy. Each names a programme that does not exist (or asks for a
    /// report), so a caller the policy admits gets NOT_FOUND or OK, never a refusal.
    /// </summary>
    private static readonly Dictionary<string, Func<ProgrammingService.ProgrammingServiceClient, Task>> Representative = new()
    {
        [AccessPolicies.ProgrammesRead] = c => c.GetProgrammeAsync(new GetProgrammeRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync,
        [AccessPolicies.ProgrammesDraft] = c => c.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = Guid.NewGuid().ToString(), Title = "P" }).ResponseAsync,
        [AccessPolicies.ProgrammesReview] = c => c.RecordQualityAssuranceReviewAsync(Review(Guid.NewGuid().ToString())).ResponseAsync,
        [AccessPolicies.ProgrammesSign] = c => c.SignProgrammeAsync(Signature(Guid.NewGuid().ToString(), ConstituentGroup.Government)).ResponseAsync,
        [AccessPolicies.ProgrammesDecide] = c => c.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = Guid.NewGuid().ToString() }).ResponseAsync,
        [AccessPolicies.ProgrammesReport] = c => c.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest()).ResponseAsync,
    };

    private static IEnumerable<string> ProgrammingPolicies => AccessPolicies.Matrix.Keys.Where(p => p.StartsWith("programmes.", StringComparison.Ordinal));

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    /// <summary>A holder of the role with the scope it normally carries (countries, a constituent group).</summary>
    private static TestCaller Holder(string role) => role switch
    {
        Roles.CountryOffice => TestCaller.CountryOffice("TZA"),
        Roles.Constituent => TestCaller.Constituent("TZA", "government"),
        _ => TestCaller.WithRole(role),
    };

    [Fact]
    public void Representative_CoversEveryProgrammingPolicyOfTheMatrix() =>
        Assert.Equal(ProgrammingPolicies.Order(), Representative.Keys.Order());

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task EveryPolicy_ForEachRole_AdmitsExactlyTheRolesOfTheMatrix(string role)
    {
        var client = new ProgrammingService.ProgrammingServiceClient(fixture.Service.ChannelFor(Holder(role)));
        foreach (var policy in ProgrammingPolicies)
        {
            var status = await StatusOf(() => Representative[policy](client));
            if (AccessPolicies.Matrix[policy].Contains(role))
                Assert.True(status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated), $"{role} on {policy}: {status}");
            else
                Assert.True(status == StatusCode.PermissionDenied, $"{role} on {policy}: expected PermissionDenied, got {status}");
        }
    }

    [Fact]
    public async Task SampleRpcs_WhenAnonymous_AreUnauthenticated()
    {
        var anonymous = new ProgrammingService.ProgrammingServiceClient(fixture.Service.AnonymousChannel);
        foreach (var call in Representative.Values.Append(c => c.RegisterProgrammeAsync(Registration("TZA")).ResponseAsync))
            Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => call(anonymous)));

        var json = await fixture.Service.AnonymousHttp.GetAsync("/v1/programmes");
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        var denied = await fixture.Service.HttpFor(TestCaller.WithRole(Roles.Partner)).GetAsync("/v1/programmes");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
