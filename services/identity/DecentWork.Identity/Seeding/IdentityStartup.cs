using System.Text.Json;
using DecentWork.Identity.Data;

namespace DecentWork.Identity.Seeding;

/// <summary>
/// Creates the tables, registers the API scopes and runs the seeds (configuration, seed file,
/// demo accounts) before the service reports healthy. A bad seed stops start-up: running with
/// accounts other than the ones asked for would be worse.
/// </summary>
internal sealed class IdentityStartup(IServiceProvider services, IConfiguration configuration, IdentitySettings settings, StartupState state)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.EnsureCreatedAsync(cancellationToken);
        await IdentitySeeder.EnsureScopesAsync(services);

        if (configuration.GetSection("Identity:Seed").Get<IdentitySeed>() is { } configured)
            await IdentitySeeder.SeedAsync(services, configured);
        if (!string.IsNullOrWhiteSpace(settings.SeedFile))
        {
            var json = await File.ReadAllTextAsync(settings.SeedFile, cancellationToken);
            await IdentitySeeder.SeedAsync(services,
                JsonSerializer.Deserialize<IdentitySeed>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
        }
        if (settings.DemoAccounts)
            await IdentitySeeder.SeedAsync(services, DemoAccounts.Load(settings.DemoCredentialsPath,
                configuration.GetSection("Identity:PortalUrls").Get<string[]>()));
        state.Ready = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Set once start-up work is done; the health check reports it.</summary>
internal sealed class StartupState
{
    public volatile bool Ready;
}
