using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// For a proxy, which forwards gRPC bytes without knowing the messages: reads a gRPC request's
/// first length prefix without consuming it, and answers RESOURCE_EXHAUSTED when the message is
/// over the limit, instead of cutting the stream off mid-message (which the client sees as UNKNOWN
/// or INTERNAL). The body limit then allows one message plus its prefix.
/// </summary>
public sealed class GrpcSizeCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!RefusalAnswers.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }
        BodyLimits.AllowOneGrpcMessage(context);
        var reader = context.Request.BodyReader;
        var read = await reader.ReadAtLeastAsync(GrpcFrame.HeaderLength, context.RequestAborted);
        uint length = 0;
        if (read.Buffer.Length >= GrpcFrame.HeaderLength)
        {
            var header = read.Buffer.Slice(0, GrpcFrame.HeaderLength).ToArray();
            length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        }
        reader.AdvanceTo(read.Buffer.Start);
        if (length > BodyLimits.MaxMessageBytes)
        {
            RefusalAnswers.WriteGrpc(context.Response, RefusalAnswers.StatusOf(context, StatusCode.ResourceExhausted,
                $"The request message is {length} bytes; at most {BodyLimits.MaxMessageBytes} are accepted.", BodyLimits.TooLargeReason));
            return;
        }
        await next(context);
    }
}
