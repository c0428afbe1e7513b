using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = DecentWork.Contracts.Operations.V1;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// decentwork.operations.v1.OperationsService as every service serves it about itself: messaging
/// status and the parked messages of its consumers' _error queues (this file), the record of
/// operator actions and store backups (OperationsGrpcService.Store.cs).
/// </summary>
public sealed partial class OperationsGrpcService(
    StorageSettings storage, ConsumerQueues queues, BrokerQueues broker, MessagingSnapshot snapshot, MessagingCounters counters,
    IAggregateStore<OperatorAction> actions, IServiceProvider services, Microsoft.Extensions.Configuration.IConfiguration configuration,
    TimeProvider clock) : V1.OperationsService.OperationsServiceBase
{
    [Authorize(Policy = AccessPolicies.OperationsRead)]
    public override async Task<V1.MessagingStatus> GetMessagingStatus(V1.GetMessagingStatusRequest request, ServerCallContext context)
    {
        RequireThisService(request.Service, new FieldViolations()).ThrowIfAny();
        var sample = await Broker(() => snapshot.SampleAsync(context.CancellationToken));
        if (!sample.BrokerReached) throw new RpcException(new Status(StatusCode.Unavailable, "The message broker is not reachable; try again."));
        var status = new V1.MessagingStatus
        {
            Service = storage.ServiceName,
            OutboxSize = sample.OutboxSize,
            OutboxOldestAgeSeconds = sample.OutboxOldestAge.TotalSeconds,
            Retries = counters.Retries,
            Conflicts = counters.Conflicts,
            Faults = counters.Faults,
            Consumed = counters.Consumed,
        };
        status.Queues.AddRange(sample.Queues.Select(q => new V1.ConsumerQueue { Name = q.Key, Waiting = q.Value.Waiting, Parked = q.Value.Parked }));
        return status;
    }

    [Authorize(Policy = AccessPolicies.OperationsRead)]
    public override async Task<V1.ListErrorMessagesResponse> ListErrorMessages(V1.ListErrorMessagesRequest request, ServerCallContext context)
    {
        var violations = RequireThisService(request.Service, new FieldViolations());
        violations.Check(request.PageSize < 0, "page_size", "must not be negative");
        violations.ThrowIfAny();
        var errorQueue = ErrorQueue(request.Queue);
        var size = request.PageSize <= 0 ? Page.DefaultSize : Math.Min(request.PageSize, Page.MaxSize);
        var parked = await Broker(() => broker.PeekAsync(errorQueue, size, context.CancellationToken));
        var response = new V1.ListErrorMessagesResponse { TotalSize = await Broker(() => broker.CountAsync(errorQueue, context.CancellationToken)) };
        response.Messages.AddRange(parked.Select(m => ToProto(m, request.Queue, withBody: false)));
        return response;
    }

    [Authorize(Policy = AccessPolicies.OperationsRead)]
    public override async Task<V1.ErrorMessage> GetErrorMessage(V1.GetErrorMessageRequest request, ServerCallContext context)
    {
        ValidateMessageRequest(request.Service, request.MessageId, reason: null, reasonRequired: false);
        var errorQueue = ErrorQueue(request.Queue);
        // A parked queue is short (faults are rare); reading it through is what finding one takes over AMQP.
        var parked = await Broker(() => broker.PeekAsync(errorQueue, int.MaxValue, context.CancellationToken));
        var message = parked.FirstOrDefault(m => m.MessageId == request.MessageId)
            ?? throw new NotFoundException($"Parked message in {errorQueue}", request.MessageId);
        return ToProto(message, request.Queue, withBody: true);
    }

    [Authorize(Policy = AccessPolicies.OperationsAct)]
    public override async Task<V1.OperatorAction> ReplayErrorMessage(V1.ReplayErrorMessageRequest request, ServerCallContext context)
    {
        ValidateMessageRequest(request.Service, request.MessageId, request.Reason, reasonRequired: false);
        return await ActOnParkedAsync(OperatorActionKind.Replay, request.Queue, request.MessageId, request.Reason, context,
            (channel, message) => BrokerQueues.RepublishAsync(channel, request.Queue, message, context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.OperationsAct)]
    public override async Task<V1.OperatorAction> DiscardErrorMessage(V1.DiscardErrorMessageRequest request, ServerCallContext context)
    {
        ValidateMessageRequest(request.Service, request.MessageId, request.Reason, reasonRequired: true);
        return await ActOnParkedAsync(OperatorActionKind.Discard, request.Queue, request.MessageId, request.Reason, context,
            (_, _) => Task.CompletedTask);
    }

    /// <summary>
    /// Records the action first, then takes the message: if taking it fails the record says what
    /// was attempted; if recording fails the message stays parked. Never the message gone unrecorded.
    /// </summary>
    private async Task<V1.OperatorAction> ActOnParkedAsync(OperatorActionKind kind, string queue, string messageId, string reason,
        ServerCallContext context, Func<RabbitMQ.Client.IChannel, RabbitMQ.Client.BasicGetResult, Task> act)
    {
        var errorQueue = ErrorQueue(queue);
        var by = Caller.From(context).Display;
        OperatorAction? record = null;
        var taken = await Broker(() => broker.TakeAsync(errorQueue, messageId, async (channel, parked, raw) =>
        {
            record = OperatorAction.OnMessage(kind, parked with { Queue = queue }, by, clock.GetUtcNow(), reason);
            await actions.SaveAsync(record, cancellationToken: context.CancellationToken);
            await act(channel, raw);
        }, context.CancellationToken));
        if (taken is null || record is null) throw new NotFoundException($"Parked message in {errorQueue}", messageId);
        return ToProto(record);
    }

    private string ErrorQueue(string queue) => queues.Contains(queue)
        ? ConsumerQueues.ErrorQueueOf(queue)
        : throw new NotFoundException("Consumer queue", queue);

    private FieldViolations RequireThisService(string service, FieldViolations violations)
    {
        violations.Check(service.Length > 0 && service != storage.ServiceName, "service", $"this is the {storage.ServiceName} service");
        return violations;
    }

    private void ValidateMessageRequest(string service, string messageId, string? reason, bool reasonRequired)
    {
        var violations = RequireThisService(service, new FieldViolations());
        violations.Check(messageId.Length is 0 or > 100, "message_id", "is required (at most 100 characters)");
        violations.Check(reasonRequired && string.IsNullOrWhiteSpace(reason), "reason", "is required");
        violations.Check(reason?.Length > 500, "reason", "must be at most 500 characters");
        violations.ThrowIfAny();
    }

    private static async Task<T> Broker<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is BrokerUnavailableException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The message broker is not reachable; try again."));
        }
    }

    private static V1.ErrorMessage ToProto(ParkedMessage message, string queue, bool withBody) => new()
    {
        MessageId = message.MessageId,
        Queue = queue,
        MessageType = message.MessageType,
        Fault = message.Fault,
        FaultedAt = message.FaultedAt is { } at ? ProtoConvert.ToTimestamp(at) : null,
        Body = withBody ? message.Body : "",
    };
}
