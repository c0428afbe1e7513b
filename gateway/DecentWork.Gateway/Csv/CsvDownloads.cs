using System.Net;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DecentWork.Gateway.Csv;

/// <summary>
/// "?format=csv" on any GET JSON route: the gateway asks itself for the same route's JSON (through
/// its own listener, so the token check, rate limit and routing are exactly those of the JSON call),
/// and writes the repeated field of the answer (list items, report rows) as CSV, or the answer as
/// one row when it has none. Lists are walked page by page via next_page_token, each page written
/// as it arrives, so a large list is never held whole.
/// </summary>
public sealed class CsvDownloads(RequestDelegate next, IHttpClientFactory clients)
{
    public const string FormatParameter = "format";
    public const string ClientName = "csv-self";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CsvShape> Shapes = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var method = HttpMethods.IsGet(context.Request.Method)
            && context.Request.Query.TryGetValue(FormatParameter, out var format) && format == "csv"
            ? JsonRoutes.FindGet(context.Request.Path.Value ?? "") : null;
        if (method is null)
        {
            await next(context);
            return;
        }
        await WriteAsync(context, method);
    }

    private async Task WriteAsync(HttpContext context, MethodDescriptor method)
    {
        var shape = Shapes.GetOrAdd(method.FullName, _ => CsvShape.Of(method));
        var client = clients.CreateClient(ClientName);
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        query.Remove(FormatParameter);
        CsvRecordWriter? csv = null;
        try
        {
            string? pageToken = null;
            do
            {
                if (pageToken is not null) query[shape.PageTokenParameter!] = pageToken;
                using var page = await client.SendAsync(SelfRequest(context, query), HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
                if (page.StatusCode != HttpStatusCode.OK)
                {
                    // Before the first byte the caller gets the JSON error as it is; after, a short file must not pass as whole.
                    if (csv is not null) { context.Abort(); return; }
                    await PassThroughAsync(context, page);
                    return;
                }
                using var json = await JsonDocument.ParseAsync(await page.Content.ReadAsStreamAsync(context.RequestAborted), cancellationToken: context.RequestAborted);
                if (csv is null)
                {
                    context.Response.ContentType = "text/csv; charset=utf-8; header=present";
                    context.Response.Headers.ContentDisposition = $"attachment; filename=\"{method.Name}.csv\"";
                    csv = new CsvRecordWriter(context.Response.Body);
                    await csv.WriteRecordAsync(shape.Columns.Header);
                }
                foreach (var row in shape.Rows(json.RootElement)) await csv.WriteRecordAsync(shape.Columns.Values(row));
                await csv.FlushAsync();
                pageToken = shape.NextPageToken(json.RootElement);
            }
            while (pageToken is { Length: > 0 });
        }
        catch (Exception) when (csv is not null)
        {
            context.Abort();
        }
        finally
        {
            if (csv is not null) await csv.DisposeAsync();
        }
    }

    /// <summary>
    /// To the very socket the caller's request arrived on (never to its Host header, which the
    /// caller chooses), with the caller's token, over the same HTTP version.
    /// </summary>
    private static HttpRequestMessage SelfRequest(HttpContext context, Dictionary<string, StringValues> query)
    {
        var local = context.Connection.LocalIpAddress ?? IPAddress.Loopback;
        var host = local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        var uri = QueryHelpers.AddQueryString($"http://{host}:{context.Connection.LocalPort}{context.Request.PathBase}{context.Request.Path}", query);
        var request = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = context.Request.Protocol == "HTTP/2" ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Accept.ParseAdd("application/json");
        if (context.Request.Headers.Authorization is { Count: > 0 } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", authorization.ToString());
        return request;
    }

    private static async Task PassThroughAsync(HttpContext context, HttpResponseMessage page)
    {
        context.Response.StatusCode = (int)page.StatusCode;
        if (page.Content.Headers.ContentType is { } type) context.Response.ContentType = type.ToString();
        if (page.Headers.WwwAuthenticate.Count > 0) context.Response.Headers.WWWAuthenticate = page.Headers.WwwAuthenticate.ToString();
        if (page.Headers.RetryAfter is { } retry) context.Response.Headers.RetryAfter = retry.ToString();
        await page.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
