using System.Text.Json;
using Scalar.AspNetCore;

namespace DecentWork.Gateway.OpenApi;

/// <summary>
/// The API's documentation, open as documentation is: the gateway's second named exception to
/// "every call needs a token" (after the IATI files). OpenDataTests fail if anything else is open.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/docs";

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        // Built once: the protos are compiled in, so the document cannot change while the gateway runs.
        var document = ProtoOpenApi.Document().ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        app.MapGet(DocumentPath, () => Results.Text(document, "application/json")).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options.WithOpenApiRoutePattern(DocumentPath).WithTitle("DecentWork JSON API"))
            .AllowAnonymous();
        return app;
    }
}
