using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Xunit.Abstractions;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// "?format=csv" on every GET route through the gateway, parsed with CsvHelper and compared cell by
/// cell with the JSON answer of the same call: each CSV column is found again in the JSON by its
/// dotted name, so a column that drifted from its field, or a row lost between pages, fails.
/// </summary>
public class CsvDownloadTests(PlatformFixture fixture, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    public static TheoryData<string, string> GetRoutes()
    {
        var routes = new TheoryData<string, string>();
        foreach (var method in ContractMethods.All)
            if (ContractMethods.JsonRoute(method) is ("GET", var template)) routes.Add(method.FullName, template);
        return routes;
    }

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task CsvDownload_WhenAskedOnAGetRoute_HoldsTheJsonAnswersRows(string method, string template)
    {
        var path = GatewayRoutingTests.Request("GET", template).RequestUri!.OriginalString;
        using var json = await Platform.GatewayJson.GetAsync(path);
        using var csv = await Platform.GatewayJson.GetAsync(CsvPath(path));

        Assert.Equal(json.StatusCode, csv.StatusCode);
        if (json.StatusCode != HttpStatusCode.OK)
        {
            // Errors stay the JSON error of the call (status and google.rpc details), not an empty file.
            Assert.Equal("application/json", csv.Content.Headers.ContentType?.MediaType);
            return;
        }
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var (header, rows) = Parse(await csv.Content.ReadAsByteArrayAsync());
        output.WriteLine($"{method}: {string.Join(",", header)}");
        var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        var jsonRows = RowsOf(answer, method);
        // The CSV walks every page; the JSON answer is its first page (the seeded list of country
        // statuses is longer than one): then the file starts with that page's rows and holds more.
        var morePages = answer.TryGetProperty("nextPageToken", out var token) && token.GetString() is { Length: > 0 };
        if (morePages) Assert.True(rows.Count > jsonRows.Count, $"{rows.Count} CSV rows for more than one page of {jsonRows.Count}");
        else Assert.Equal(jsonRows.Count, rows.Count);
        for (var i = 0; i < jsonRows.Count; i++) AssertSameRow(header, rows[i], jsonRows[i], method);
    }

    [Fact]
    public async Task CsvDownload_WhenTheListIsLongerThanOnePage_WalksEveryPage()
    {
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        for (var i = 0; i < 5; i++)
            await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
            {
                Name = $"Csv, \"quoted\" partner {i} {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.Foundation, CountryCode = "NOR",
            });
        var jsonRows = new List<JsonElement>();
        string? token = null;
        do
        {
            var page = JsonDocument.Parse(await Platform.GatewayJson.GetByteArrayAsync(
                $"/v1/partners?pageSize=2&category=PARTNER_CATEGORY_FOUNDATION{(token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token))}")).RootElement;
            jsonRows.AddRange(page.GetProperty("partners").EnumerateArray());
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(token));

        var (header, rows) = Parse(await Platform.GatewayJson.GetByteArrayAsync("/v1/partners?pageSize=2&category=PARTNER_CATEGORY_FOUNDATION&format=csv"));

        Assert.True(jsonRows.Count >= 5, $"only {jsonRows.Count} partners");
        Assert.Equal(jsonRows.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++) AssertSameRow(header, rows[i], jsonRows[i], "ListPartners");
        Assert.Contains(rows, r => r[header.IndexOf("name")].StartsWith("Csv, \"quoted\" partner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvDownload_WhenARowHoldsMoneyAndDates_WritesExactDecimalsAndIsoDatesFromStringUnits()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "FJI", 800_000m);
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"Csv money partner {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "NZL",
        });
        await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(new PartnershipsV1.RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, ProgrammeId = programme.Id, Amount = ProtoConvert.ToMoney(123_456_789.07m), Year = 2009,
            ApprovalDate = ProtoConvert.ToDate(new DateOnly(2009, 3, 5)),
            Source = PartnershipsV1.FundingSource.ExtraBudgetary, Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked,
            MobilisedBy = PartnershipsV1.MobilisedBy.Headquarters,
        }).ResponseAsync, what: "partnerships to learn of the approved programme");

        var (header, rows) = Parse(await Platform.GatewayJson.GetByteArrayAsync($"/v1/funding-approvals?partnerId={partner.Id}&format=csv"));

        var approval = JsonDocument.Parse(await Platform.GatewayJson.GetByteArrayAsync($"/v1/funding-approvals?partnerId={partner.Id}"))
            .RootElement.GetProperty("fundingApprovals")[0];
        // proto3 JSON mapping: int64 (money units, versions) as strings; int32 (nanos) as numbers.
        Assert.Equal("123456789", approval.GetProperty("amount").GetProperty("units").GetString());
        Assert.Equal(JsonValueKind.String, approval.GetProperty("version").ValueKind);
        Assert.Equal(70_000_000, approval.GetProperty("amount").GetProperty("nanos").GetInt32());
        var row = Assert.Single(rows);
        Assert.Equal("123456789.07", row[header.IndexOf("amount.amount")]);
        Assert.Equal("USD", row[header.IndexOf("amount.currency")]);
        Assert.Equal("2009-03-05", row[header.IndexOf("approvalDate")]);
        Assert.True(DateTimeOffset.TryParseExact(row[header.IndexOf("recordedAt")], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out _), row[header.IndexOf("recordedAt")]);
    }

    [Fact]
    public async Task CsvDownload_WhenAnonymous_IsRefusedAsTheJsonCallIs()
    {
        using var response = await Platform.Gateway.AnonymousHttp.GetAsync("/v1/partners?format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    private static string CsvPath(string path) => path + (path.Contains('?') ? "&" : "?") + "format=csv";

    /// <summary>Parsed by CsvHelper from the UTF-8 bytes as sent.</summary>
    private static (List<string> Header, List<string[]> Rows) Parse(byte[] utf8)
    {
        using var reader = CsvReader.Create(utf8, null);
        var header = reader.Headers.Select(h => h.ToString()).ToList();
        Assert.NotEmpty(header);
        Assert.Equal(header.Count, header.Distinct().Count());
        var rows = new List<string[]>();
        while (reader.Read())
        {
            Assert.Equal(header.Count, reader.FieldCount);
            rows.Add(Enumerable.Range(0, header.Count).Select(i => reader.GetString(i)).ToArray());
        }
        return (header, rows);
    }

    /// <summary>The answer's rows as the README defines them: its one repeated message field, else the answer as one row.</summary>
    private static List<JsonElement> RowsOf(JsonElement answer, string method)
    {
        var output = ContractMethods.All.Single(m => m.FullName == method).OutputType;
        var repeated = output.Fields.InDeclarationOrder().Where(f => f.IsRepeated && !f.IsMap && f.FieldType == Google.Protobuf.Reflection.FieldType.Message).ToList();
        if (repeated.Count != 1) return [answer];
        return answer.TryGetProperty(repeated[0].JsonName, out var rows) ? rows.EnumerateArray().ToList() : [];
    }

    /// <summary>Each cell equals the JSON value its column names: leaves as written, money as units + nanos, dates as ISO 8601.</summary>
    private static void AssertSameRow(List<string> header, string[] csv, JsonElement json, string method)
    {
        for (var c = 0; c < header.Count; c++)
        {
            var steps = header[c].Split('.');
            JsonElement? value = json;
            foreach (var step in steps[..^1]) value = Child(value, step);
            var last = steps[^1];
            var expected = Child(value, last) is { } leaf ? Expected(leaf)
                : last == "amount" && value is { ValueKind: JsonValueKind.Object } money ? MoneyAmount(money, csv[c])
                : last == "currency" && value is { ValueKind: JsonValueKind.Object } m2 ? Child(m2, "currencyCode")?.GetString() ?? ""
                : "";
            Assert.True(expected == csv[c], $"{method} column {header[c]}: CSV '{csv[c]}', JSON '{expected}'");
        }
    }

    private static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var child) ? child : null;

    private static string Expected(JsonElement leaf) => leaf.ValueKind switch
    {
        JsonValueKind.String => leaf.GetString()!,
        JsonValueKind.Null => "",
        JsonValueKind.Object when leaf.TryGetProperty("year", out var year) && leaf.TryGetProperty("month", out var month) && leaf.TryGetProperty("day", out var day) =>
            year.GetInt32() == 0 ? "" : new DateOnly(year.GetInt32(), month.GetInt32(), day.GetInt32()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => leaf.GetRawText(),
    };

    /// <summary>The CSV cell when it is the same amount as units + nanos (any notation), else the JSON's amount.</summary>
    private static string MoneyAmount(JsonElement money, string cell)
    {
        static decimal Part(JsonElement? p) => p is null ? 0 : decimal.Parse(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), CultureInfo.InvariantCulture);
        var amount = Part(Child(money, "units")) + Part(Child(money, "nanos")) / 1_000_000_000m;
        return decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed == amount
            ? cell : amount.ToString(CultureInfo.InvariantCulture);
    }
}
