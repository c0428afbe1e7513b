namespace DecentWork.Portal.Gateway;

/// <summary>
/// A report's CSV, fetched from the gateway with the user's token (a plain link to the gateway
/// would carry none) and handed to the browser as a file. Only the gateway's own CSV answers of
/// its /v1/ GET routes pass: the portal is not a general proxy.
/// </summary>
public static class CsvDownloads
{
    public const string Prefix = "/download/";

    public static string LinkFor(string apiPathAndQuery) =>
        Prefix + apiPathAndQuery.TrimStart('/') + (apiPathAndQuery.Contains('?') ? "&" : "?") + "format=csv";

    public static void MapCsvDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet(Prefix + "{**path}", async (string path, HttpContext context, GatewayClient gateway) =>
        {
            if (!path.StartsWith("v1/", StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal)
                || context.Request.Query["format"] != "csv")
                return Results.NotFound();
            using var answer = await gateway.GetRawAsync("/" + path + context.Request.QueryString, context.RequestAborted);
            if (!answer.IsSuccessStatusCode || answer.Content.Headers.ContentType?.MediaType != "text/csv")
                return Results.StatusCode((int)answer.StatusCode >= 400 ? (int)answer.StatusCode : StatusCodes.Status502BadGateway);
            var bytes = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
            var name = path[(path.LastIndexOfAny(['/', ':']) + 1)..];
            return Results.File(bytes, "text/csv", $"{(name.Length > 0 ? name : "report")}.csv");
        });
}
