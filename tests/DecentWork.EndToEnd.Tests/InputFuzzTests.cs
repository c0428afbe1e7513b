using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Random and mutated requests to every RPC through the gateway, over gRPC and JSON: a client's
/// mistake is never UNKNOWN or INTERNAL, never a 5xx, never an error naming .NET types or
/// quoting a huge value whole, and a refused write stores nothing (the lists' totals stay put).
/// A few hundred cases in CI; DECENTWORK_FUZZ_CASES=20000 for a long run.
/// </summary>
public class InputFuzzTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly long Cases = long.TryParse(Environment.GetEnvironmentVariable("DECENTWORK_FUZZ_CASES"), out var n) ? n : 300;
    private static readonly string[] CountedLists =
        ["ListPartners", "ListFundingApprovals", "ListProjects", "ListProgrammes", "ListCourses", "ListUndafs", "ListJointProgrammes", "ListCrisisResponses"];
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly MethodDescriptor[] Methods = ContractMethods.All.ToArray();

    [Fact]
    public Task AnyRpc_WhenGrpcRequestIsRandomOrMalformed_NeverAnswersUnknownOrInternalAndStoresNothingRefused() =>
        Gen.Int.SampleAsync(async seed =>
        {
            var cases = new FuzzCases(seed);
            var method = cases.Pick(Methods);
            var (payload, overLimit) = cases.GrpcPayload(method.InputType);
            var before = IsWrite(method) ? await CountsAsync() : null;

            var status = await CallGrpcAsync(method, payload);

            Assert.False(status.StatusCode is StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable,
                $"{method.FullName} (seed {seed}) answered {status.StatusCode}: {status.Detail}");
            Assert.True(status.Detail.Length < 2_000, $"{method.FullName} (seed {seed}) answered {status.Detail.Length} characters");
            Assert.True(!overLimit || status.StatusCode == StatusCode.ResourceExhausted,
                $"{method.FullName} (seed {seed}) answered a message over the limit with {status.StatusCode}: {status.Detail}");
            if (before is not null && status.StatusCode != StatusCode.OK) Assert.Equal(before, await CountsAsync());
        }, iter: Cases, threads: 1);

    [Fact]
    public Task AnyRpc_WhenJsonRequestIsRandomOrMalformed_AnswersA4xxInTheErrorShapeAndStoresNothingRefused() =>
        Gen.Int.SampleAsync(async seed =>
        {
            var cases = new FuzzCases(seed);
            var method = cases.Pick(Methods);
            var (verb, template) = ContractMethods.JsonRoute(method);
            var (body, overLimit) = verb is "GET" or "DELETE" ? (null, false) : cases.JsonBody(method.InputType);
            // A bad query is refused before the body is read: an over-limit body comes with none, to be seen.
            using var request = new HttpRequestMessage(new HttpMethod(verb), cases.Path(template) + (overLimit ? "" : cases.Query(method.InputType)));
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            var before = IsWrite(method) ? await CountsAsync() : null;

            using var response = await fixture.Platform.GatewayJson.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            var what = $"{verb} {Prefix(request.RequestUri!.ToString())} for {method.Name} (seed {seed}) answered {(int)response.StatusCode}";
            Assert.True((int)response.StatusCode < 500, $"{what}: {Prefix(text)}");
            Assert.True(text.Length < 20_000 || response.IsSuccessStatusCode, $"{what} with {text.Length} characters");
            Assert.True(!overLimit || response.StatusCode == HttpStatusCode.RequestEntityTooLarge || RefusesRouteOnly(text, template),
                $"{what} to a body over the limit: {Prefix(text)}");
            if (response.IsSuccessStatusCode) return;
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{what} without a JSON body: {Prefix(text)}");
            using var error = JsonDocument.Parse(text);
            var code = error.RootElement.GetProperty("code").GetInt32();
            Assert.False(code is (int)StatusCode.Unknown or (int)StatusCode.Internal, $"{what}: {Prefix(text)}");
            Assert.DoesNotMatch(@"System\.|Google\.Protobuf|Exception|Int32|Int64|String\b", error.RootElement.GetProperty("message").GetString() ?? "");
            if (before is not null) Assert.Equal(before, await CountsAsync());
        }, iter: Cases, threads: 1);

    private static bool IsWrite(MethodDescriptor method) =>
        !(method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("List", StringComparison.Ordinal)
          || method.Name.StartsWith("Report", StringComparison.Ordinal) || method.Name.StartsWith("Search", StringComparison.Ordinal));

    private async Task<Status> CallGrpcAsync(MethodDescriptor method, byte[] payload)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
        try
        {
            await fixture.Platform.GatewayGrpc.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), payload);
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    /// <summary>The total of every list that can be read without a filter: what a stored write would change.</summary>
    private async Task<string> CountsAsync()
    {
        var totals = new List<string>();
        foreach (var method in Methods.Where(m => CountedLists.Contains(m.Name)))
        {
            var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
            var answer = await fixture.Platform.GatewayGrpc.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(), []);
            var response = method.OutputType.Parser.ParseFrom(answer);
            totals.Add($"{method.Name}={method.OutputType.FindFieldByName("total_size")?.Accessor.GetValue(response)}");
        }
        return string.Join(", ", totals);
    }

    /// <summary>A 400 naming only route variables: refused before the body was read, as it should be.</summary>
    private static bool RefusesRouteOnly(string text, string template)
    {
        using var error = JsonDocument.Parse(text);
        var details = error.RootElement.GetProperty("details");
        return details.GetArrayLength() > 0 && details[0].TryGetProperty("fieldViolations", out var violations)
            && violations.EnumerateArray().All(v => template.Contains("{" + v.GetProperty("field").GetString(), StringComparison.Ordinal));
    }

    private static string Prefix(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
