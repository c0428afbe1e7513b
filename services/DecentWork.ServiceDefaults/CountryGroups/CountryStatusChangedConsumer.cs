using DecentWork.Contracts.Events.Coordination;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.CountryGroups;

/// <summary>
/// Keeps this service's copy of coordination's country statuses. A redelivered message is applied
/// once (inbox); a status republished, or overtaken by a newer revision, is dropped by its revision.
/// Two deliveries racing for one country meet the version check (or the id, on the first save) and
/// the loser reads again.
/// </summary>
public sealed class CountryStatusChangedConsumer(IAggregateStore<KnownCountryStatus> statuses, ILogger<CountryStatusChangedConsumer> logger)
    : IConsumer<CountryStatusChanged>
{
    public async Task Consume(ConsumeContext<CountryStatusChanged> context)
    {
        var changed = context.Message;
        var inbox = new ProcessedMessage(nameof(CountryStatusChangedConsumer), context.MessageId ?? Guid.NewGuid());
        await statuses.ChangeAsync(async token => await statuses.FindAsync(KnownCountryStatus.IdOf(changed.CountryCode), token)
            ?? KnownCountryStatus.For(changed.CountryCode), expectedVersion: 0, held =>
        {
            var applied = held.Apply(changed);
            if (!applied)
                logger.LogInformation("Country status revision {Revision} of {Country} is not newer than the one held", changed.Revision, changed.CountryCode);
            return Task.FromResult(applied);
        }, context.CancellationToken, ConflictRetry.Consumer, inbox, nameof(CountryStatusChangedConsumer));
    }
}
