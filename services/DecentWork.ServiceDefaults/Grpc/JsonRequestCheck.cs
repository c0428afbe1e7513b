using System.Text.Json;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Reads a JSON route's body, query and route values against the RPC's request message before
/// JSON transcoding does, and answers INVALID_ARGUMENT with a google.rpc.BadRequest naming each
/// unknown or mistyped field. Transcoding itself ignores unknown fields (a misspelt field would
/// be dropped silently) and words its errors in .NET terms; nothing malformed gets that far.
/// </summary>
public sealed class JsonRequestCheck(RequestDelegate next, ILogger<JsonRequestCheck> logger)
{
    /// <summary>Enough for any caller who fixes their request; a flood of unknown fields does not make a flood of text.</summary>
    private const int MaxViolations = 20;

    public async Task InvokeAsync(HttpContext context)
    {
        var transcoding = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (transcoding is null || RefusalAnswers.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }
        var violations = new FieldViolations(MaxViolations);
        var input = transcoding.MethodDescriptor.InputType;
        CheckQuery(context.Request, input, violations);
        CheckRoute(context.Request, input, violations);
        var oversized = false;
        if (!string.IsNullOrEmpty(transcoding.HttpRule.Body) && violations.IsEmpty)
            oversized = !await CheckBodyAsync(context, transcoding.HttpRule.Body, input, violations);
        if (oversized)
        {
            await RefusalAnswers.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                RefusalAnswers.StatusOf(context, StatusCode.ResourceExhausted, BodyLimits.TooLargeMessage, BodyLimits.TooLargeReason));
            return;
        }
        if (!violations.IsEmpty)
        {
            // The caller's mistake, not ours: a debug line, never an error with a stack trace.
            logger.LogDebug("Refused a malformed JSON request to {Method}", transcoding.MethodDescriptor.FullName);
            await RefusalAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, violations.ToStatus());
            return;
        }
        await next(context);
    }

    private static void CheckQuery(HttpRequest request, MessageDescriptor input, FieldViolations violations)
    {
        foreach (var (key, values) in request.Query)
        {
            var field = FieldAtPath(input, key);
            if (field is null || field.FieldType == FieldType.Message && !IsTextual(field))
            {
                violations.Add(key, $"is not a query parameter of {input.Name}");
                continue;
            }
            if (values.Count > 1 && !field.IsRepeated) violations.Add(key, "is given more than once");
            foreach (var value in values)
                if (JsonShape.ProblemWithText(field, value ?? "") is { } problem) violations.Add(key, problem);
        }
    }

    private static void CheckRoute(HttpRequest request, MessageDescriptor input, FieldViolations violations)
    {
        foreach (var (key, value) in request.RouteValues)
        {
            if (FieldAtPath(input, key) is { } field && value is string text && JsonShape.ProblemWithText(field, text) is { } problem)
                violations.Add(key, problem);
        }
    }

    /// <summary>False when the body is over the limit; violations when it is not the message.</summary>
    private static async Task<bool> CheckBodyAsync(HttpContext context, string bodyField, MessageDescriptor input, FieldViolations violations)
    {
        var request = context.Request;
        request.EnableBuffering();
        byte[] body;
        try
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, context.RequestAborted);
            body = copy.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        request.Body.Position = 0;
        if (body.Length == 0) return true;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            violations.Add("", $"the body is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
            return true;
        }
        using (document)
        {
            if (bodyField == "*")
            {
                JsonShape.Check(document.RootElement, input, "", violations);
                return true;
            }
            var field = JsonShape.FindField(input, bodyField);
            if (field?.FieldType == FieldType.Message && !field.IsRepeated) JsonShape.Check(document.RootElement, field.MessageType, "", violations);
        }
        return true;
    }

    /// <summary>"filter.year" → the field it names, through nested messages; null when any part is unknown.</summary>
    private static FieldDescriptor? FieldAtPath(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != FieldType.Message || field.IsRepeated) return null;
                message = field.MessageType;
            }
            field = JsonShape.FindField(message, part);
            if (field is null) return null;
        }
        return field;
    }

    private static bool IsTextual(FieldDescriptor field) =>
        field.MessageType.File.Package == "google.protobuf" && field.MessageType.Name.EndsWith("Value", StringComparison.Ordinal);
}
