using DecentWork.ServiceDefaults.Grpc;
using Grpc.Core;

namespace DecentWork.ServiceDefaults.Tests.Grpc;

public class RequestIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("3f2b8c1e-0d4a-4c5e-9a7b-1c2d3e4f5a6b")]
    [InlineData("agency_42.call:7")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")] // 64
    public void IsValid_WhenLettersDigitsAndAllowedMarksUpTo64_IsTrue(string requestId) =>
        Assert.True(RequestIds.IsValid(requestId));

    [Theory]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")] // 65
    [InlineData("has space")]
    [InlineData("slash/no")]
    [InlineData("pipe|no")]
    [InlineData("é")]
    public void IsValid_WhenEmptyTooLongOrOtherCharacters_IsFalse(string requestId) =>
        Assert.False(RequestIds.IsValid(requestId));

    [Fact]
    public void CheckOptionalRequestId_WhenEmpty_AddsNoViolation()
    {
        var violations = new FieldViolations();
        violations.CheckOptionalRequestId("");
        violations.ThrowIfAny();
    }

    [Fact]
    public void CheckOptionalRequestId_WhenMalformed_NamesTheField()
    {
        var violations = new FieldViolations();
        violations.CheckOptionalRequestId("has space");
        var error = Assert.Throws<RpcException>(violations.ThrowIfAny);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("request_id", error.Status.Detail);
    }
}
