using System.Globalization;

namespace DecentWork.Identity.Tests;

public sealed class SigningKeyTests
{
    [Fact]
    public async Task SigningKey_WhenServiceRestarts_IsReusedAndEarlierTokensStillValidate()
    {
        await using var identity = await IdentityInstance.StartAsync(TestSeed.Settings());
        var before = await Tokens.AccessTokenAsync(identity.Http, "config-client", TestSeed.ClientSecret);
        var kids = await Tokens.KeyIdsAsync(identity.Http);

        await identity.RestartAsync();

        Assert.Equal(kids, await Tokens.KeyIdsAsync(identity.Http));
        Assert.True((await Tokens.ValidateAsync(identity.Http, before)).IsValid);
        var after = Tokens.Read(await Tokens.AccessTokenAsync(identity.Http, "config-client", TestSeed.ClientSecret));
        Assert.Equal(Tokens.Read(before).Kid, after.Kid);
    }

    [Fact]
    public async Task RefreshToken_WhenServiceRestarts_StillWorks()
    {
        await using var identity = await IdentityInstance.StartAsync(TestSeed.Settings());
        using var browser = new PortalBrowser(identity.Address);
        var (_, body) = await browser.ExchangeAsync(await browser.SignInForCodeAsync("config.user", TestSeed.Password), browser.Verifier);

        await identity.RestartAsync();

        var (response, refreshed) = await browser.RefreshAsync(body.GetProperty("refresh_token").GetString()!);
        Assert.True(response.IsSuccessStatusCode, refreshed.ToString());
    }

    [Fact]
    public async Task SigningKey_WhenNewestIsOlderThanRotation_NewKeySignsAndOldStaysPublished()
    {
        await using var identity = await IdentityInstance.StartAsync(TestSeed.Settings());
        var old = await Tokens.AccessTokenAsync(identity.Http, "config-client", TestSeed.ClientSecret);

        await identity.StopAsync();
        AgeKeys(identity.KeysFolder, TimeSpan.FromDays(90.5));
        await identity.StartAsync();

        var kids = await Tokens.KeyIdsAsync(identity.Http);
        var fresh = Tokens.Read(await Tokens.AccessTokenAsync(identity.Http, "config-client", TestSeed.ClientSecret));
        Assert.Equal(2, kids.Count);
        Assert.Contains(Tokens.Read(old).Kid, kids);
        Assert.NotEqual(Tokens.Read(old).Kid, fresh.Kid);
        Assert.True((await Tokens.ValidateAsync(identity.Http, old)).IsValid);
    }

    [Fact]
    public async Task SigningKey_WhenOlderThanRotationPlusOneDay_IsDropped()
    {
        await using var identity = await IdentityInstance.StartAsync(new Dictionary<string, string>(TestSeed.Settings())
        {
            ["Identity:SigningKeyRotationDays"] = "30",
        });
        var old = await Tokens.AccessTokenAsync(identity.Http, "config-client", TestSeed.ClientSecret);

        await identity.StopAsync();
        AgeKeys(identity.KeysFolder, TimeSpan.FromDays(31.5));
        await identity.StartAsync();

        var kids = await Tokens.KeyIdsAsync(identity.Http);
        Assert.Single(kids);
        Assert.DoesNotContain(Tokens.Read(old).Kid, kids);
        Assert.False((await Tokens.ValidateAsync(identity.Http, old)).IsValid);
        Assert.Single(Directory.GetFiles(identity.KeysFolder, "signing-*.pem"));
    }

    /// <summary>Renames every key file as if it had been created that long ago (the name holds the creation time).</summary>
    private static void AgeKeys(string folder, TimeSpan age)
    {
        var stamp = (DateTime.UtcNow - age).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (var path in Directory.GetFiles(folder, "*.pem"))
        {
            var purpose = Path.GetFileName(path).Split('-')[0];
            File.Move(path, Path.Combine(folder, $"{purpose}-{stamp}.pem"));
        }
    }
}
