using System.Text.Json;
using Google.Protobuf.Reflection;

namespace DecentWork.Gateway.Csv;

/// <summary>
/// Where the rows of an RPC's answer are: its one repeated message field (list items, report
/// rows), else the answer itself as a single row; and, for lists, how to ask for the next page.
/// </summary>
public sealed class CsvShape
{
    private readonly string? rowsField;
    private readonly string? nextPageTokenField;

    private CsvShape(MethodDescriptor method)
    {
        var output = method.OutputType;
        var repeated = output.Fields.InDeclarationOrder().Where(f => f.IsRepeated && !f.IsMap && f.FieldType == FieldType.Message).ToList();
        var rows = repeated.Count == 1 ? repeated[0] : null;
        rowsField = rows?.JsonName;
        Columns = new CsvColumns(rows?.MessageType ?? output);
        nextPageTokenField = output.FindFieldByName("next_page_token")?.JsonName;
        PageTokenParameter = method.InputType.FindFieldByName("page_token")?.JsonName;
        if (PageTokenParameter is null) nextPageTokenField = null;
    }

    public CsvColumns Columns { get; }

    /// <summary>The query parameter that carries the page token, or null when the RPC is not paged.</summary>
    public string? PageTokenParameter { get; }

    public static CsvShape Of(MethodDescriptor method) => new(method);

    public IEnumerable<JsonElement> Rows(JsonElement answer)
    {
        if (rowsField is null) return [answer];
        return answer.TryGetProperty(rowsField, out var rows) && rows.ValueKind == JsonValueKind.Array ? rows.EnumerateArray() : [];
    }

    public string? NextPageToken(JsonElement answer) =>
        nextPageTokenField is not null && answer.TryGetProperty(nextPageTokenField, out var token) && token.ValueKind == JsonValueKind.String
            ? token.GetString() : null;
}
