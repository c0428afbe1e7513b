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
    private const int MaxAttempts = 10;

    public async Task Consume(ConsumeContext<CountryStatusChanged> context)
    {
        var changed = context.Message;
        var inbox = new ProcessedMessage(nameof(CountryStatusChangedConsumer), context.MessageId ?? Guid.NewGuid());
        for (var attempt = 1; ; attempt++)
        {
            var held = await statuses.FindAsync(KnownCountryStatus.IdOf(changed.CountryCode), context.CancellationToken)
                ?? KnownCountryStatus.For(changed.CountryCode);
            if (!held.Apply(changed))
            {
                logger.LogInformation("Country status revision {Revision} of {Country} is not newer than the one held", changed.Revision, changed.CountryCode);
                return;
            }
            try
            {
                await statuses.SaveAsync(held, inbox, context.CancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 20 * attempt), context.CancellationToken);
            }
        }
    }
}
