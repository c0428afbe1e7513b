using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.ServiceDefaults.Hosting;

/// <summary>
/// Answers carry scoped data: never cached, never content-sniffed. A startup filter puts this
/// first in the pipeline, so rejections by authentication, authorisation and rate limiting get
/// the headers too.
/// </summary>
public static class SafeResponseHeaders
{
    public static IServiceCollection AddSafeResponseHeaders(this IServiceCollection services) =>
        services.AddTransient<IStartupFilter, Filter>();

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
                return inner(context);
            });
            next(app);
        };
    }
}
