using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Google.Protobuf.Collections;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Reads RecordFundingApproval's optional parts into domain values, naming every bad field
/// (snake_case, allocations as "allocations[2].amount") so the caller fixes all in one go.
/// </summary>
internal static class FundingApprovalInput
{
    public static decimal Usd(Google.Type.Money? money, string field, FieldViolations violations)
    {
        var amount = Money(money, field, violations);
        if (money is not null) violations.Check(money.CurrencyCode != FundingApproval.Usd, $"{field}.currency_code", $"must be \"{FundingApproval.Usd}\"");
        return amount;
    }

    /// <summary>A positive, well-formed amount in any currency; 0 after a violation.</summary>
    public static decimal Money(Google.Type.Money? money, string field, FieldViolations violations)
    {
        if (!violations.Check(money is null, field, "is required")) return 0;
        if (!violations.Check(!ProtoConvert.IsWellFormed(money!), field, "is not a well-formed google.type.Money")) return 0;
        var amount = ProtoConvert.ToDecimal(money!);
        return violations.Check(amount <= 0, field, "must be greater than zero") ? amount : 0;
    }

    /// <summary>An active ISO 4217 code (the IATI Currency codelist), not just three capitals.</summary>
    public static bool IsCurrencyCode(string code) => Codelists.Currency.Allows(code);

    /// <summary>An empty id means "none"; anything else must be a UUID.</summary>
    public static Guid? OptionalId(string value, string field, FieldViolations violations)
    {
        if (value.Length == 0) return null;
        var id = ProtoConvert.ToId(value);
        violations.Check(id is null, field, "must be a UUID when set");
        return id;
    }

    public static List<Allocation> Allocations(RepeatedField<Contract.FundingAllocation> input, FieldViolations violations)
    {
        violations.Check(input.Count > FundingApproval.MaxAllocations, "allocations", $"must hold at most {FundingApproval.MaxAllocations} allocations");
        return input.Select((allocation, i) => Allocation(allocation, $"allocations[{i}]", violations)).ToList();
    }

    private static Allocation Allocation(Contract.FundingAllocation input, string field, FieldViolations violations)
    {
        var country = violations.OptionalCountry(input.CountryCode, $"{field}.country_code");
        violations.Check(!Enum.IsDefined(input.Region), $"{field}.region", "is not a known ILO region");
        IloRegion? region = input.Region == Region.Unspecified ? null : (IloRegion)input.Region;
        // The region always follows the country, so reports by region cannot disagree with it.
        violations.Check(country is not null && region is not null && region != country.Region, $"{field}.region",
            $"does not match the country, which is in {country?.Region}");
        violations.Check(input.StrategicObjective != 0 && !Domain.Allocation.IsValidStrategicObjective(input.StrategicObjective),
            $"{field}.strategic_objective", "must be 1-4, or 0 for none");
        violations.Check(!Enum.IsDefined(input.Theme), $"{field}.theme", "is not a known allocation theme");
        violations.Check(input.ImplementingUnit.Length > 0 && !ImplementingUnits.IsValid(input.ImplementingUnit),
            $"{field}.implementing_unit", $"must be {ImplementingUnits.Rule}");
        return new Allocation
        {
            Region = country?.Region ?? region,
            CountryCode = country?.Code,
            ProgrammeId = OptionalId(input.ProgrammeId, $"{field}.programme_id", violations),
            OutcomeId = OptionalId(input.OutcomeId, $"{field}.outcome_id", violations),
            StrategicObjective = input.StrategicObjective == 0 ? null : input.StrategicObjective,
            AmountUsd = Usd(input.Amount, $"{field}.amount", violations),
            Theme = input.Theme == 0 ? null : (AllocationTheme)input.Theme,
            ImplementingUnit = input.ImplementingUnit.Length == 0 ? null : input.ImplementingUnit,
        };
    }

    public static Contract.FundingAllocation ToProto(Allocation a) => new()
    {
        Region = (Region)(int)(a.Region ?? 0),
        CountryCode = a.CountryCode ?? "",
        ProgrammeId = a.ProgrammeId?.ToString() ?? "",
        OutcomeId = a.OutcomeId?.ToString() ?? "",
        StrategicObjective = a.StrategicObjective ?? 0,
        Amount = ProtoConvert.ToMoney(a.AmountUsd, FundingApproval.Usd),
        Theme = (Contract.AllocationTheme)(int)(a.Theme ?? 0),
        ImplementingUnit = a.ImplementingUnit ?? "",
    };
}
