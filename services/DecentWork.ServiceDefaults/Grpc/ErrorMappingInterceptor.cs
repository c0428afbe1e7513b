using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Turns the exceptions that carry a meaning for callers into gRPC statuses, in one place, each
/// with a google.rpc.ErrorInfo (stable reason, this service's domain, metadata), and hides
/// everything else behind INTERNAL so no stack trace or internal message leaves the service.
/// JSON transcoding maps the same statuses to HTTP (400, 404, 409, 412...) and writes the details.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, ErrorDomain domain) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e) when (ErrorDetails.NeedsErrorInfo(e))
        {
            // A status thrown directly (a refusal in a service, the caller check): give it its reason too.
            throw ErrorDetails.ToRpcException(e.StatusCode, e.Status.Detail, domain.Name, ErrorDetails.ReasonOf(e.StatusCode));
        }
        catch (RpcException)
        {
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller gave up (or its deadline passed): nothing went wrong here, so no error log.
            logger.LogDebug("{Method} cancelled by the caller", context.Method);
            throw new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }
        catch (StoreUnavailableException ex)
        {
            // Not this call's fault and not a bug: the caller may retry the same call after the delay.
            logger.LogWarning(ex, "The store was unavailable during {Method}", context.Method);
            throw ErrorDetails.ToRpcException(StatusCode.Unavailable, "The service cannot reach its data store for the moment; retry shortly.",
                domain.Name, ErrorDetails.StoreUnavailable, retryDelay: ex.RetryAfter);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            throw mapped;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error in {Method}", context.Method);
            throw ErrorDetails.ToRpcException(StatusCode.Internal, "An internal error occurred; it has been logged.", domain.Name, "INTERNAL");
        }
    }

    private RpcException? Map(Exception ex) => ex switch
    {
        NotKnownYetException e => ErrorDetails.ToRpcException(StatusCode.FailedPrecondition, e.Message, domain.Name, e.Reason, e.Metadata, NotKnownYetException.RetryDelay),
        NotFoundException e => ErrorDetails.ToRpcException(StatusCode.NotFound, e.Message, domain.Name, e.Reason, e.Metadata),
        DomainRuleException e => ErrorDetails.ToRpcException(StatusCode.FailedPrecondition, e.Message, domain.Name, e.Reason, e.Metadata),
        AlreadyExistsException e => ErrorDetails.ToRpcException(StatusCode.AlreadyExists, e.Message, domain.Name, e.Reason, e.Metadata),
        PermissionRuleException e => ErrorDetails.ToRpcException(StatusCode.PermissionDenied, e.Message, domain.Name, e.Reason, e.Metadata),
        // The store's own messages name collections: callers get the id and a reason instead.
        ConcurrencyConflictException e => ErrorDetails.ToRpcException(StatusCode.Aborted,
            $"'{e.Id}' was changed by someone else (or the expected version is stale); read it again and retry.",
            domain.Name, ErrorDetails.ConcurrentWrite, new Dictionary<string, string> { ["id"] = $"{e.Id}" }),
        DuplicateKeyException => ErrorDetails.ToRpcException(StatusCode.AlreadyExists,
            "A resource with the same unique key already exists.", domain.Name, ErrorDetails.DuplicateKey),
        _ => null,
    };
}
