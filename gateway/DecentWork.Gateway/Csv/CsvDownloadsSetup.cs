namespace DecentWork.Gateway.Csv;

public static class CsvDownloadsSetup
{
    public static IServiceCollection AddCsvDownloads(this IServiceCollection services)
    {
        // The gateway calls its own listener: no retries (a page is asked once) and no redirects.
        services.AddHttpClient(CsvDownloads.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    /// <summary>Before authentication: the download itself needs nothing, each page it asks for is checked as any JSON call.</summary>
    public static IApplicationBuilder UseCsvDownloads(this IApplicationBuilder app) => app.UseMiddleware<CsvDownloads>();
}
