using System.Text;

namespace DecentWork.Gateway.Csv;

/// <summary>
/// RFC 4180 records in UTF-8 (no byte-order mark): CRLF line ends; a field holding a comma, quote,
/// CR or LF is quoted and its quotes doubled.
/// </summary>
public sealed class CsvRecordWriter(Stream body) : IAsyncDisposable
{
    private readonly StreamWriter writer = new(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);

    public async Task WriteRecordAsync(IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) await writer.WriteAsync(',');
            first = false;
            await writer.WriteAsync(NeedsQuotes(field) ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }
        await writer.WriteAsync("\r\n");
    }

    public Task FlushAsync() => writer.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private static bool NeedsQuotes(string field) => field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
}
