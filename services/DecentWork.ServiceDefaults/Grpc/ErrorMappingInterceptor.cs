using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Turns the exceptions that carry a meaning for callers into gRPC statuses, in one place, and
/// hides everything else behind INTERNAL so no stack trace or internal message leaves the service.
/// JSON transcoding maps the same statuses to HTTP (400, 404, 409, 412...).
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception ex) when (Map(ex) is { } status)
        {
            throw new RpcException(status);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "The store was unavailable during {Method}", context.Method);
            throw Unavailable(ex.RetryAfter);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error in {Method}", context.Method);
            throw new RpcException(new Status(StatusCode.Internal, "An internal error occurred; it has been logged."));
        }
    }

    /// <summary>UNAVAILABLE with a google.rpc.RetryInfo: the caller may retry the same call after the delay.</summary>
    public static RpcException Unavailable(TimeSpan retryAfter) => new Google.Rpc.Status
    {
        Code = (int)Google.Rpc.Code.Unavailable,
        Message = "The service cannot reach its data store for the moment; retry shortly.",
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(retryAfter) }) },
    }.ToRpcException();

    private static Status? Map(Exception ex) => ex switch
    {
        NotFoundException e => new Status(StatusCode.NotFound, e.Message),
        DomainRuleException e => new Status(StatusCode.FailedPrecondition, e.Message),
        ConcurrencyConflictException e => new Status(StatusCode.Aborted, e.Message),
        DuplicateKeyException => new Status(StatusCode.AlreadyExists, "A resource with the same unique key already exists."),
        AlreadyExistsException e => new Status(StatusCode.AlreadyExists, e.Message),
        _ => null,
    };
}

/// <summary>The resource named in the request does not exist.</summary>
public sealed class NotFoundException(string resource, object id) : Exception($"{resource} '{id}' was not found.");

/// <summary>A resource with the same natural key exists; the message says which.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);
