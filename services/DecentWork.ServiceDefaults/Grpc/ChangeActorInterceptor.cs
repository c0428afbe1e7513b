using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage.History;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Makes the caller the author of every save an RPC makes (JSON transcoded calls pass here too):
/// the validated token's subject and name, and the RPC's name as the action. The store reads it
/// when it writes the history record, so no service passes "who" around by hand.
/// </summary>
public sealed class ChangeActorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = ChangeContext.Use(ActorOf(context));
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = ChangeContext.Use(ActorOf(context));
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = ChangeContext.Use(ActorOf(context));
        await continuation(request, responseStream, context);
    }

    public static ChangeActor ActorOf(ServerCallContext context)
    {
        var identity = context.GetHttpContext().User is { } user ? CallerClaims.Of(user) : null;
        var subject = identity?.FindFirst(CallerClaims.Subject)?.Value is { Length: > 0 } sub ? sub : "anonymous";
        var name = identity?.FindFirst(CallerClaims.Name)?.Value is { Length: > 0 } named ? named : subject;
        return new ChangeActor(subject, name, context.Method[(context.Method.LastIndexOf('/') + 1)..]);
    }
}
