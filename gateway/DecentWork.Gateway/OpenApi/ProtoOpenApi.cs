using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DecentWork.Gateway.Csv;
using Google.Api;
using Google.Protobuf.Reflection;

namespace DecentWork.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3 document of the whole JSON API, generated at start-up from the compiled protos'
/// descriptors and google.api.http rules (the same ones JSON transcoding serves), so it cannot
/// drift from the contracts. Schemas follow the proto3 JSON mapping the services write.
/// </summary>
public static partial class ProtoOpenApi
{
    public const string BearerScheme = "bearer";

    public static JsonObject Document()
    {
        var schemas = new ProtoSchemas();
        var paths = new JsonObject();
        foreach (var method in JsonRoutes.Services.SelectMany(s => s.Methods))
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule) continue;
            var (verb, template) = Route(rule);
            var path = Variable().Replace(template, m => "{" + m.Groups["name"].Value + "}");
            var item = paths[path] as JsonObject ?? (JsonObject)(paths[path] = new JsonObject());
            item[verb] = Operation(method, rule, template, verb, schemas);
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "DecentWork JSON API",
                ["version"] = "v1",
                ["description"] = "Generated from the protos in contracts/protos (their comments are the manual). "
                    + "JSON follows the proto3 JSON mapping: 64-bit integers as strings, enums by name. Add format=csv to any GET for CSV.",
            },
            ["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = schemas.All,
            },
        };
    }

    private static JsonObject Operation(MethodDescriptor method, HttpRule rule, string template, string verb, ProtoSchemas schemas)
    {
        var pathFields = Variable().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet();
        var parameters = new JsonArray();
        foreach (var name in pathFields)
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        if (rule.Body.Length == 0)
            foreach (var field in method.InputType.Fields.InDeclarationOrder().Where(f => !pathFields.Contains(f.Name) && f.FieldType != FieldType.Message && !f.IsMap))
                parameters.Add(new JsonObject { ["name"] = field.JsonName, ["in"] = "query", ["schema"] = schemas.Field(field) });
        var operation = new JsonObject
        {
            ["operationId"] = method.Name,
            ["summary"] = $"{method.Service.Name}.{method.Name}",
            ["tags"] = new JsonArray(method.Service.Name),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = Content(schemas.Ref(method.OutputType), "OK"),
                ["default"] = Content(schemas.Status(), "An error: google.rpc.Status with its details (BadRequest field violations for INVALID_ARGUMENT)."),
            },
        };
        if (rule.Body.Length > 0)
        {
            var body = rule.Body == "*" ? schemas.Ref(method.InputType) : schemas.Field(method.InputType.FindFieldByName(rule.Body));
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } } };
        }
        return operation;
    }

    private static JsonObject Content(JsonNode schema, string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };

    private static (string Verb, string Template) Route(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        _ => throw new InvalidOperationException($"unsupported HTTP rule {rule.PatternCase}"),
    };

    /// <summary>"{id}" or "{name=**}": a path variable, named by its proto field.</summary>
    [GeneratedRegex(@"\{(?<name>[^}=]+)(=[^}]*)?}")]
    private static partial Regex Variable();
}
