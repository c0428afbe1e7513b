using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DecentWork.Testing;

/// <summary>Assertions on gRPC failures: the status code and, for INVALID_ARGUMENT, the fields named.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"Expected {code} but got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>Asserts INVALID_ARGUMENT whose google.rpc.BadRequest names exactly these fields.</summary>
    public static async Task<BadRequest> InvalidFields(Func<Task> call, params string[] fields)
    {
        var error = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order(), badRequest.FieldViolations.Select(v => v.Field).Distinct().Order());
        return badRequest;
    }
}
