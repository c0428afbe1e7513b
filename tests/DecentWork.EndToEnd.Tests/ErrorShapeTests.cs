using System.Net;
using System.Text;
using System.Text.Json;
using DecentWork.ServiceDefaults.Grpc;
using Google.Rpc;
using Grpc.Core;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// What a client sees when it gets something wrong, through the gateway: errors with a stable
/// reason (google.rpc.ErrorInfo), "not known yet" with RetryInfo, client mistakes as the client's
/// (never UNKNOWN), unknown JSON fields named, and one JSON shape for every error, routes included.
/// </summary>
public class ErrorShapeTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private PartnershipsV1.PartnershipsService.PartnershipsServiceClient Partnerships => new(fixture.Platform.GatewayGrpc);

    [Fact]
    public async Task GetPartner_WhenThePartnerDoesNotExist_CarriesErrorInfoWithReasonDomainAndId()
    {
        var id = Guid.NewGuid().ToString();
        var error = await Assert.ThrowsAsync<RpcException>(() => Partnerships.GetPartnerAsync(new() { Id = id }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("PARTNER_NOT_FOUND", "partnerships.decentwork.org", id), (info.Reason, info.Domain, info.Metadata["id"]));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheProgrammeIsNotKnownYet_SaysSoWithRetryInfo()
    {
        var partner = await Partnerships.RegisterPartnerAsync(new() { Name = $"Fund {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.Foundation });
        var programmeId = Guid.NewGuid().ToString();
        var error = await Assert.ThrowsAsync<RpcException>(() => Partnerships.RecordFundingApprovalAsync(new()
        {
            PartnerId = partner.Id, ProgrammeId = programmeId, Year = 2009,
            Amount = new Google.Type.Money { CurrencyCode = "USD", Units = 1000 },
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal(("PROGRAMME_NOT_KNOWN_YET", programmeId), (status.GetDetail<ErrorInfo>().Reason, status.GetDetail<ErrorInfo>().Metadata["id"]));
        Assert.True(status.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task AnyRpc_WhenGrpcMessageIsOverTheLimit_AnswersResourceExhausted()
    {
        var name = new string('x', BodyLimits.MaxMessageBytes + 10);
        var error = await Assert.ThrowsAsync<RpcException>(() => Partnerships.RegisterPartnerAsync(new() { Name = name }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(BodyLimits.TooLargeReason, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task AnyRpc_WhenGrpcBytesAreNotItsMessage_AnswersInvalidArgument()
    {
        var bytes = Marshallers.Create(b => b, (byte[] b) => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, PartnershipsV1.PartnershipsService.Descriptor.FullName, "RegisterPartner", bytes, bytes);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Platform.GatewayGrpc.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), [0x0A, 0xFF, 0xFF, 0xFF]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task RegisterPartner_WhenJsonHasAnUnknownField_NamesItInABadRequest()
    {
        var answer = await PostAsync("/v1/partners", """{"name":"Fund","category":"PARTNER_CATEGORY_FOUNDATION","genderMarker":2}""");

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.Text);
        var violation = Assert.Single(answer.Json.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal("genderMarker", violation.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RegisterPartner_WhenJsonValuesHaveWrongTypes_NamesNoDotNetTypeAndQuotesOnlyAPrefix()
    {
        var huge = new string('z', 900_000);
        var answer = await PostAsync("/v1/partners", $$"""{"name":{"x":1},"category":"{{huge}}","countryCode":12}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Text.Length < 2_000, $"{answer.Text.Length} characters");
        Assert.DoesNotMatch(@"System\.|Int32|String\b|Exception", answer.Text);
        Assert.Equal(3, answer.Json.GetProperty("details")[0].GetProperty("fieldViolations").GetArrayLength());
    }

    [Fact]
    public async Task Gateway_WhenNoRouteMatches_Answers404InTheErrorShape()
    {
        using var response = await fixture.Platform.GatewayJson.GetAsync("/v1/no-such-thing");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((int)StatusCode.NotFound, json.GetProperty("code").GetInt32());
        Assert.Equal("ROUTE_NOT_FOUND", json.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Service_WhenARouteIsCalledWithAnotherVerb_Answers405InTheErrorShape()
    {
        // The gateway forwards /v1/partners/{id} whatever the verb; the service's routing knows only GET.
        using var response = await fixture.Platform.GatewayJson.PutAsync($"/v1/partners/{Guid.NewGuid()}", new StringContent("{}", Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", json.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    private async Task<(HttpStatusCode Status, string Text, JsonElement Json)> PostAsync(string path, string body)
    {
        using var response = await fixture.Platform.GatewayJson.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text, JsonDocument.Parse(text).RootElement.Clone());
    }
}
