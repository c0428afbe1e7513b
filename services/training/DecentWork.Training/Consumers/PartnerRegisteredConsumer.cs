using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using MassTransit;

namespace DecentWork.Training.Consumers;

/// <summary>Builds training's view of the funding partners from partnerships' announcements, once per partner.</summary>
public sealed class PartnerRegisteredConsumer(IAggregateStore<KnownPartner> partners, ILogger<PartnerRegisteredConsumer> logger)
    : IConsumer<PartnerRegistered>
{
    public async Task Consume(ConsumeContext<PartnerRegistered> context)
    {
        var registered = context.Message;
        var partner = KnownPartner.Heard(registered.PartnerId, registered.Name, registered.Category);
        var inbox = new ProcessedMessage(nameof(PartnerRegisteredConsumer), context.MessageId ?? registered.PartnerId);
        if (!await partners.AddOnceAsync(partner, inbox, context.CancellationToken))
            logger.LogInformation("Partner {PartnerId} was already known", registered.PartnerId);
    }
}
