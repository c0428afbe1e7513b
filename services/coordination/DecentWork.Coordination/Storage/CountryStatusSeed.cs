using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Storage;

/// <summary>
/// Seeds the built-in UN list (<see cref="LeastDevelopedCountries"/>) at start-up for every listed
/// country that has no status yet; each save publishes its CountryStatusChanged through the outbox.
/// Countries already held are never touched, so an administrator's changes survive restarts, and two
/// instances seeding at once collide on the id (the country's), which the loser skips.
/// </summary>
public sealed class CountryStatusSeed(IAggregateStore<CountryStatus> statuses, TimeProvider clock, ILogger<CountryStatusSeed> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seeded = 0;
        foreach (var entry in LeastDevelopedCountries.List)
        {
            var country = Countries.ByCode[entry.Country];
            if (await statuses.FindAsync(KnownCountryStatus.IdOf(country.Code), cancellationToken) is not null) continue;
            try
            {
                await statuses.SaveAsync(CountryStatus.Seeded(country, LeastDevelopedCountries.PeriodsOf(entry), clock.GetUtcNow()), cancellationToken: cancellationToken);
                seeded++;
            }
            catch (DuplicateKeyException)
            {
                // another instance seeded it first
            }
        }
        if (seeded > 0) logger.LogInformation("Seeded the least-developed-country status of {Count} countries", seeded);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
