using System.Text.RegularExpressions;

namespace DecentWork.Partnerships.Domain;

/// <summary>What an allocation's money serves beyond its strategic objective (numbers match the proto enum).</summary>
public enum AllocationTheme
{
    SocialPartnersCapacity = 1,
    GenderEquality = 2,
    ChildLabour = 3,
    YouthEmployment = 4,
    HivAids = 5,
    CrisisResponse = 6,
}

/// <summary>
/// Implementing units are codes, not an enum: the office network changes more often than the API,
/// and a report groups by whatever codes were recorded. The two Bureaux the governing body asks
/// about are named so reports can label them.
/// </summary>
public static partial class ImplementingUnits
{
    public const string EmployersActivities = "ACTEMP";
    public const string WorkersActivities = "ACTRAV";
    public const string Rule = "2-20 capital letters, digits or '-', e.g. \"ACTEMP\"";

    public static bool IsValid(string code) => CodePattern().IsMatch(code);

    public static string NameOf(string code) => code switch
    {
        EmployersActivities => "Bureau for Employers' Activities",
        WorkersActivities => "Bureau for Workers' Activities",
        "" => "Not recorded",
        _ => code,
    };

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex CodePattern();
}
