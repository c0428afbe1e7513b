using System.Text;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// The service's own view of its queues on the broker, over AMQP with the service's own account
/// (RABBITMQ_URI): how many messages wait, and the parked messages of an <c>_error</c> queue, read
/// without consuming them (got unacknowledged and given back when the channel closes, which puts
/// them back in their place) or taken one by one to replay or discard.
/// </summary>
public sealed class BrokerQueues(IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>Messages ready in the queue; 0 when it does not exist (an _error queue appears with its first fault).</summary>
    public async Task<long> CountAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await ChannelAsync(cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Up to <paramref name="max"/> messages from the head of the queue, left in it.</summary>
    public async Task<IReadOnlyList<ParkedMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var found = new List<ParkedMessage>();
        await using var channel = await ChannelAsync(cancellationToken);
        try
        {
            while (found.Count < max && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } message)
                found.Add(ParkedMessage.From(queue, message));
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
        }
        return found; // closing the channel gives every unacknowledged message back, in place
    }

    /// <summary>
    /// Finds the message with this id in the queue, lets <paramref name="beforeRemoving"/> act on it
    /// (on the same channel, e.g. republish it), then removes it. Null when no message has that id.
    /// If the action fails, the message stays where it was.
    /// </summary>
    public async Task<ParkedMessage?> TakeAsync(string queue, string messageId,
        Func<IChannel, ParkedMessage, BasicGetResult, Task> beforeRemoving, CancellationToken cancellationToken)
    {
        await using var channel = await ChannelAsync(cancellationToken);
        try
        {
            var depth = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
            for (var i = 0; i < depth && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } message; i++)
            {
                var parked = ParkedMessage.From(queue, message);
                if (parked.MessageId != messageId) continue;
                await beforeRemoving(channel, parked, message);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                return parked;
            }
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
        }
        return null;
    }

    /// <summary>
    /// Publishes a parked message again to the exchange MassTransit binds to its consumer queue
    /// (same name), without the fault headers, and waits for the broker's confirmation.
    /// </summary>
    public static async Task RepublishAsync(IChannel channel, string consumerQueue, BasicGetResult message, CancellationToken cancellationToken)
    {
        var source = message.BasicProperties;
        var properties = new BasicProperties
        {
            MessageId = source.MessageId,
            ContentType = source.ContentType,
            CorrelationId = source.CorrelationId,
            Persistent = true,
            Headers = source.Headers?
                .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && !h.Key.StartsWith("MT-Host-", StringComparison.Ordinal)
                    && h.Key != "MT-Reason")
                .ToDictionary(h => h.Key, h => h.Value),
        };
        await channel.BasicPublishAsync(consumerQueue, "", mandatory: false, properties, message.Body, cancellationToken);
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null) await _connection.DisposeAsync();
                _connection = null;
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(configuration["RABBITMQ_URI"] ?? throw new InvalidOperationException("RABBITMQ_URI is not set.")),
                    ClientProvidedName = "decentwork-operations",
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                };
                try
                {
                    _connection = await factory.CreateConnectionAsync(cancellationToken);
                }
                catch (BrokerUnreachableException e)
                {
                    throw new BrokerUnavailableException(e);
                }
            }
            return await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _gate.Dispose();
    }
}

/// <summary>The broker could not be reached; the operator's command can be tried again later.</summary>
public sealed class BrokerUnavailableException(Exception inner) : Exception("The message broker is not reachable.", inner);

/// <summary>A message in an <c>_error</c> queue, with what MassTransit recorded about its failure.</summary>
public sealed record ParkedMessage(string Queue, string MessageId, string MessageType, string Fault, DateTimeOffset? FaultedAt, string Body)
{
    internal static ParkedMessage From(string queue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string Header(string name) => headers.TryGetValue(name, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => "", _ => value.ToString() ?? "" }
            : "";
        var body = Encoding.UTF8.GetString(message.Body.Span);
        var faultedAt = DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), out var at) ? at : (DateTimeOffset?)null;
        var fault = string.Join(": ", new[] { Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message") }.Where(s => s.Length > 0));
        return new ParkedMessage(queue, message.BasicProperties.MessageId ?? "", MessageTypeOf(body), fault, faultedAt, body);
    }

    // MassTransit's JSON envelope names the message's types, most specific first.
    private static string MessageTypeOf(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("messageType", out var types) && types.GetArrayLength() > 0 ? types[0].GetString() ?? "" : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }
}
