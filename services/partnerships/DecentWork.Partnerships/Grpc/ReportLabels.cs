using System.Reflection;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Reference;
using Google.Protobuf.Reflection;
using ProtoRegion = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Report keys are proto enum value names (stable for partners); labels are for people.</summary>
internal static class ReportLabels
{
    /// <summary>The value's name as written in the .proto, e.g. "FUNDING_SOURCE_RBSA".</summary>
    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    public static string Key(IloRegion region) => Key((ProtoRegion)(int)region);

    public static string Of(FundingSource source) => source switch
    {
        FundingSource.ExtraBudgetary => "Extra-budgetary",
        FundingSource.Rbsa => "RBSA",
        FundingSource.RegularBudgetTc => "Regular budget TC",
        _ => "Not recorded",
    };

    public static string Of(PartnerCategory? category) => category switch
    {
        PartnerCategory.BilateralGovernment => "Bilateral governments",
        PartnerCategory.EuropeanUnion => "European Union",
        PartnerCategory.UnSystem => "UN system",
        PartnerCategory.InternationalFinancialInstitution => "International financial institutions",
        PartnerCategory.Foundation => "Foundations",
        PartnerCategory.PrivateSector => "Private sector",
        PartnerCategory.SouthSouth => "South-South partners",
        PartnerCategory.NationalConstituent => "National constituents",
        _ => "Not recorded",
    };

    public static string Of(IloRegion region) => region switch
    {
        IloRegion.Africa => "Africa",
        IloRegion.Americas => "Americas",
        IloRegion.ArabStates => "Arab States",
        IloRegion.AsiaPacific => "Asia and the Pacific",
        IloRegion.EuropeCentralAsia => "Europe and Central Asia",
        _ => "No region (global or interregional)",
    };
}
