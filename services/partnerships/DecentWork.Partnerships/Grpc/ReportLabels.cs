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

    /// <summary>A strategic objective bucket's part ("1"-"4", "0" for none).</summary>
    public static string Objective(string part) => part switch
    {
        "1" => "Standards and fundamental principles and rights at work",
        "2" => "Employment",
        "3" => "Social protection",
        "4" => "Social dialogue",
        _ => "No strategic objective named",
    };

    /// <summary>A theme bucket's part (the AllocationTheme number, "00" for none).</summary>
    public static string Theme(string part) => (AllocationTheme)int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) switch
    {
        AllocationTheme.SocialPartnersCapacity => "Strengthening the capacity of the social partners",
        AllocationTheme.GenderEquality => "Gender equality",
        AllocationTheme.ChildLabour => "Child labour",
        AllocationTheme.YouthEmployment => "Youth employment",
        AllocationTheme.HivAids => "HIV/AIDS and the world of work",
        AllocationTheme.CrisisResponse => "Crisis response",
        _ => "No theme named",
    };
}
