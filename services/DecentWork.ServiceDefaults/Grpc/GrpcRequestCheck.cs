using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Reads a unary gRPC request's one message before gRPC does, so that a client's mistake gets
/// the status it deserves: a message over the limit RESOURCE_EXHAUSTED (read from its length
/// prefix, before the bytes arrive), bytes that are not the request message INVALID_ARGUMENT.
/// Left to itself gRPC answers both UNKNOWN and logs a stack trace at error level.
/// </summary>
public sealed class GrpcRequestCheck(RequestDelegate next, ILogger<GrpcRequestCheck> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type != MethodType.Unary || !RefusalAnswers.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }
        BodyLimits.AllowOneGrpcMessage(context);
        var (problem, message) = await ReadMessageAsync(context.Request.BodyReader, context.RequestAborted);
        if (problem is { } refusal)
        {
            logger.LogDebug("Refused a malformed gRPC request to {Method}: {Problem}", method.FullName, refusal.Message);
            RefusalAnswers.WriteGrpc(context.Response, refusal);
            return;
        }
        if (message is not null && !Parses(method, message, out var parseProblem))
        {
            logger.LogDebug("Refused a gRPC request to {Method} that is not its request message", method.FullName);
            RefusalAnswers.WriteGrpc(context.Response, RefusalAnswers.StatusOf(context, StatusCode.InvalidArgument, parseProblem, "MALFORMED_MESSAGE"));
            return;
        }
        // gRPC reads the same bytes again from here (a compressed message was left unread for it).
        if (message is not null) context.Request.Body = new MemoryStream(message);
        await next(context);

        (Google.Rpc.Status?, byte[]?) Refuse(StatusCode code, string text, string reason) => (RefusalAnswers.StatusOf(context, code, text, reason), null);

        async Task<(Google.Rpc.Status?, byte[]?)> ReadMessageAsync(PipeReader reader, CancellationToken cancellationToken)
        {
            ReadResult read;
            try
            {
                read = await reader.ReadAtLeastAsync(GrpcFrame.HeaderLength, cancellationToken);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                return Refuse(StatusCode.InvalidArgument, "The request body could not be read.", "MALFORMED_MESSAGE");
            }
            if (read.Buffer.Length == 0 && read.IsCompleted)
            {
                reader.AdvanceTo(read.Buffer.End);
                return (null, []);
            }
            if (read.Buffer.Length < GrpcFrame.HeaderLength)
                return Refuse(StatusCode.InvalidArgument, "The request ends inside a gRPC message header.", "MALFORMED_MESSAGE");
            var header = read.Buffer.Slice(0, GrpcFrame.HeaderLength).ToArray();
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
            reader.AdvanceTo(read.Buffer.Start);
            if (length > BodyLimits.MaxMessageBytes)
                return Refuse(StatusCode.ResourceExhausted, $"The request message is {length} bytes; at most {BodyLimits.MaxMessageBytes} are accepted.", BodyLimits.TooLargeReason);
            if (header[0] != 0)
                return (null, null); // compressed: gRPC decompresses and reads it itself
            var total = GrpcFrame.HeaderLength + (long)length;
            try
            {
                read = await reader.ReadAtLeastAsync((int)total + 1, cancellationToken);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                return Refuse(StatusCode.InvalidArgument, "The request carries more than its one message.", "MALFORMED_MESSAGE");
            }
            if (read.Buffer.Length < total)
                return Refuse(StatusCode.InvalidArgument, "The request ends before its message does.", "MALFORMED_MESSAGE");
            if (read.Buffer.Length > total)
                return Refuse(StatusCode.InvalidArgument, "The request carries more than its one message.", "MALFORMED_MESSAGE");
            var bytes = read.Buffer.ToArray();
            reader.AdvanceTo(read.Buffer.End);
            return (null, bytes);
        }
    }

    private static bool Parses(IMethod method, byte[] frame, out string problem)
    {
        problem = "";
        if (frame.Length == 0) return true;
        var parser = GrpcFrame.ParserOf(method);
        if (parser is null) return true;
        try
        {
            parser.ParseFrom(frame.AsSpan(GrpcFrame.HeaderLength).ToArray());
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            problem = $"The request is not a valid {method.Name} request message.";
            return false;
        }
    }
}

/// <summary>The gRPC length-prefixed message framing: one byte compressed flag, four bytes big-endian length.</summary>
public static class GrpcFrame
{
    public const int HeaderLength = 5;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    /// <summary>The request message's parser, from the generated Method&lt;TRequest, TResponse&gt;.</summary>
    public static MessageParser? ParserOf(IMethod method)
    {
        var type = method.GetType();
        if (!type.IsGenericType) return null;
        var requestType = type.GetGenericArguments()[0];
        return Parsers.GetOrAdd(requestType, t =>
            t.GetProperty("Parser", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as MessageParser);
    }
}

/// <summary>The size limits every process applies, and what a request over them is told.</summary>
public static class BodyLimits
{
    public const int MaxMessageBytes = 1024 * 1024;
    public const string TooLargeReason = "MESSAGE_TOO_LARGE";
    public const string TooLargeMessage = "The request body is over the 1 MiB limit.";

    /// <summary>A gRPC body is one message of up to the limit plus its 5-byte prefix; Kestrel's plain limit would cut the prefix off.</summary>
    public static void AllowOneGrpcMessage(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxMessageBytes + GrpcFrame.HeaderLength;
    }
}
