using System.Linq.Expressions;
using System.Text;
using System.Xml;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Http;

namespace DecentWork.ServiceDefaults.Iati;

/// <summary>
/// Streams an IATI file to the response: records are read from the store in chunks and each is
/// written as soon as it is built, so a full export holds one chunk in memory. If anything fails
/// once bytes are on the wire the connection is aborted, so a client sees a broken download
/// rather than a well-formed but truncated file.
/// </summary>
public static class IatiStream
{
    /// <summary>Records read per store query while streaming.</summary>
    public const int Chunk = 50;

    public static async Task WriteAsync<T>(HttpContext http, TimeProvider clock, string root, IAggregateStore<T> store,
        Expression<Func<T, bool>> filter, SortOrder<T> order, Func<XmlWriter, T, Task> eachRecord, Func<XmlWriter, Task>? atEnd = null)
        where T : Aggregate
    {
        http.Response.ContentType = "application/xml; charset=utf-8";
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        try
        {
            await using var writer = XmlWriter.Create(http.Response.Body, settings);
            await writer.WriteStartDocumentAsync();
            await writer.WriteStartElementAsync(null, root, null);
            await writer.WriteAttributeStringAsync(null, "version", null, "2.03");
            await writer.WriteAttributeStringAsync(null, "generated-datetime", null, IatiXml.DateTime(clock.GetUtcNow()));
            for (var skip = 0; ; skip += Chunk)
            {
                var chunk = await store.QueryAsync(filter, order, skip, Chunk, http.RequestAborted);
                foreach (var record in chunk) await eachRecord(writer, record);
                await writer.FlushAsync();
                if (chunk.Count < Chunk) break;
            }
            if (atEnd is not null) await atEnd(writer);
            await writer.WriteEndElementAsync();
            await writer.WriteEndDocumentAsync();
        }
        catch (Exception) when (http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // Part of the file is on the wire already: cut the connection so it cannot pass for complete.
            http.Abort();
        }
    }
}
