using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// A message no consumer can apply, published straight to the broker as a misbehaving publisher
/// would: a FundingApproved naming a programme nobody registered. Programming's consumer must
/// retry it, park it in its _error queue and go on with the rest.
/// </summary>
public static class PoisonMessage
{
    public static async Task<string> PublishFundingApprovalForUnknownProgrammeAsync(string adminUri)
    {
        var messageId = Guid.NewGuid().ToString();
        var envelope = new
        {
            messageId,
            messageType = new[] { "urn:message:DecentWork.Contracts.Events.Partnerships:FundingApproved" },
            message = new
            {
                approvalId = Guid.NewGuid(), partnerId = Guid.NewGuid(), partnerName = "Poison", programmeId = Guid.NewGuid(),
                amountUsd = 1m, year = 2008, approvedAt = DateTimeOffset.UtcNow,
            },
            sentTime = DateTimeOffset.UtcNow,
        };
        var factory = new ConnectionFactory { Uri = new Uri(adminUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { MessageId = messageId, ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("DecentWork.Contracts.Events.Partnerships:FundingApproved", "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope)));
        return messageId;
    }
}
