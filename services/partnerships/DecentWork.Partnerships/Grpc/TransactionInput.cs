using System.Globalization;
using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Reads a transaction's values from RecordFinancialTransaction or from one CSV row, naming each
/// bad field ("amount", or "csv.line[7].amount" for a row), so the API and the import check alike.
/// </summary>
internal static class TransactionInput
{
    public static TransactionValues? FromRequest(Contract.RecordFinancialTransactionRequest request, FieldViolations violations)
    {
        violations.Check(request.Type == Contract.FinancialTransactionType.Unspecified || !Enum.IsDefined(request.Type), "type",
            "is required: commitment, disbursement or expenditure");
        var date = ProtoConvert.ToDateOnly(request.TransactionDate);
        violations.Check(date is null, "transaction_date", "is required and must be a valid date");
        var amount = FundingApprovalInput.Money(request.Amount, "amount", violations);
        var currency = request.Amount?.CurrencyCode ?? "";
        violations.Check(request.Amount is not null && !Codelists.Currency.Allows(currency), "amount.currency_code", "must be an active ISO 4217 code");
        var usd = request.AmountUsd is null ? (decimal?)null : FundingApprovalInput.Usd(request.AmountUsd, "amount_usd", violations);
        violations.Check(usd is null && currency != FundingApproval.Usd && request.Amount is not null, "amount_usd", "is required when amount is not in USD");
        violations.Check(request.Description.Length > FinancialTransaction.MaxDescriptionLength, "description",
            $"must be at most {FinancialTransaction.MaxDescriptionLength} characters");
        violations.Check(request.SourceLineId.Length > FinancialTransaction.MaxSourceLineIdLength, "source_line_id",
            $"must be at most {FinancialTransaction.MaxSourceLineIdLength} characters");
        return date is null || amount == 0 ? null
            : new TransactionValues((TransactionType)request.Type, date.Value, amount, currency, usd ?? amount, request.Description.Trim());
    }

    /// <summary>One CSV row's values; null (with violations naming the line and column) when any is bad.</summary>
    public static TransactionValues? FromCsv(CsvRecord row, FieldViolations violations)
    {
        string Field(string column) => $"csv.line[{row.Line}].{column}";
        var ok = violations.Check(row[TransactionCsv.SourceLineId].Length is 0 or > FinancialTransaction.MaxSourceLineIdLength,
            Field(TransactionCsv.SourceLineId), $"is required, at most {FinancialTransaction.MaxSourceLineIdLength} characters");
        ok &= violations.Check(row[TransactionCsv.ProjectCode].Length == 0, Field(TransactionCsv.ProjectCode), "is required");
        var type = Type(row[TransactionCsv.TransactionType]);
        ok &= violations.Check(type is null, Field(TransactionCsv.TransactionType), "must be commitment, disbursement or expenditure (or 2, 3, 4)");
        var dateOk = DateOnly.TryParseExact(row[TransactionCsv.TransactionDate], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        ok &= violations.Check(!dateOk, Field(TransactionCsv.TransactionDate), "must be a date written YYYY-MM-DD");
        var amount = Decimal(row[TransactionCsv.Amount]);
        ok &= violations.Check(amount is not > 0, Field(TransactionCsv.Amount), "must be a positive number with '.' as decimal separator");
        var currency = row[TransactionCsv.Currency].ToUpperInvariant();
        ok &= violations.Check(!Codelists.Currency.Allows(currency), Field(TransactionCsv.Currency), "must be an active ISO 4217 code");
        var usdText = row[TransactionCsv.AmountUsd];
        var usd = usdText.Length == 0 ? (currency == FundingApproval.Usd ? amount : null) : Decimal(usdText);
        ok &= violations.Check(usd is not > 0, Field(TransactionCsv.AmountUsd),
            usdText.Length == 0 ? "is required when currency is not USD" : "must be a positive number with '.' as decimal separator");
        ok &= violations.Check(row[TransactionCsv.Description].Length > FinancialTransaction.MaxDescriptionLength, Field(TransactionCsv.Description),
            $"must be at most {FinancialTransaction.MaxDescriptionLength} characters");
        return !ok || type is null || amount is null || usd is null ? null
            : new TransactionValues(type.Value, date, amount.Value, currency, usd.Value, row[TransactionCsv.Description]);
    }

    public static TransactionType? Type(string text) => text.Trim().ToLowerInvariant() switch
    {
        "commitment" or "2" => TransactionType.Commitment,
        "disbursement" or "3" => TransactionType.Disbursement,
        "expenditure" or "4" => TransactionType.Expenditure,
        _ => null,
    };

    private static decimal? Decimal(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
