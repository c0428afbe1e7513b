using System.Text;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Partnerships.Grpc;

/// <summary>One data record of the file: its line number (the header is line 1) and its values by column.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values.GetValueOrDefault(column, "");
}

/// <summary>
/// Reads the finance system's CSV export (RFC 4180: commas, double quotes, "" inside quotes,
/// CRLF or LF). The header names the columns in any order; every problem with the file's shape
/// is a violation naming the line, so a caller sees all of them at once.
/// </summary>
internal static class TransactionCsv
{
    // Under the platform's 1 MiB message limit even as base64 in a JSON body (4/3 of the bytes).
    public const int MaxBytes = 512 * 1024;
    public const string SourceLineId = "source_line_id", ProjectCode = "project_code", TransactionType = "transaction_type",
        TransactionDate = "transaction_date", Amount = "amount", Currency = "currency", AmountUsd = "amount_usd", Description = "description";

    public static readonly IReadOnlyList<string> Columns = [SourceLineId, ProjectCode, TransactionType, TransactionDate, Amount, Currency, AmountUsd, Description];
    private static readonly string[] Required = [SourceLineId, ProjectCode, TransactionType, TransactionDate, Amount, Currency];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The data records, or none (with violations) when the file cannot be read as a whole.</summary>
    public static List<CsvRecord> Read(ReadOnlySpan<byte> bytes, int maxRows, FieldViolations violations)
    {
        if (!violations.Check(bytes.Length == 0, "csv", "is required")) return [];
        if (!violations.Check(bytes.Length > MaxBytes, "csv", $"must be at most {MaxBytes} bytes ({bytes.Length} given)")) return [];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            violations.Add("csv", "is not UTF-8 text");
            return [];
        }

        var records = Split(text, violations);
        if (records.Count == 0) return [];
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var unknown in header.Where(h => !Columns.Contains(h)).Distinct())
            violations.Add("csv.line[1]", $"column \"{unknown}\" is not one of: {string.Join(", ", Columns)}");
        foreach (var missing in Required.Where(r => !header.Contains(r)))
            violations.Add("csv.line[1]", $"the required column \"{missing}\" is missing");
        foreach (var twice in header.GroupBy(h => h).Where(g => g.Count() > 1))
            violations.Add("csv.line[1]", $"column \"{twice.Key}\" appears more than once");
        var data = records.Skip(1).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0)).ToList();
        violations.Check(data.Count == 0, "csv", "holds no rows after the header");
        violations.Check(data.Count > maxRows, "csv", $"must hold at most {maxRows} rows ({data.Count} given)");
        if (!violations.IsEmpty) return [];

        var result = new List<CsvRecord>(data.Count);
        foreach (var record in data)
        {
            if (!violations.Check(record.Fields.Count != header.Count, $"csv.line[{record.Line}]",
                $"has {record.Fields.Count} fields; the header has {header.Count}")) continue;
            result.Add(new CsvRecord(record.Line, header.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal)));
        }
        return result;
    }

    private sealed record RawRecord(int Line, List<string> Fields);

    /// <summary>Splits the text into records of fields, each with the line it starts on.</summary>
    private static List<RawRecord> Split(string text, FieldViolations violations)
    {
        var records = new List<RawRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, recordLine, quoted, atFieldStart) = (1, 1, false, true);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart: quoted = true; atFieldStart = false; break;
                case ',': fields.Add(field.ToString()); field.Clear(); atFieldStart = true; break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\n' or '\r':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add(new RawRecord(recordLine, fields));
                    fields = [];
                    line++;
                    (recordLine, atFieldStart) = (line, true);
                    break;
                default: field.Append(c); atFieldStart = false; break;
            }
        }
        if (quoted) violations.Add($"csv.line[{recordLine}]", "a quoted field is not closed");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add(new RawRecord(recordLine, fields)); }
        return records;
    }
}
