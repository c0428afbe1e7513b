using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Google.Protobuf.Collections;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Proto ⇄ domain for joint programmes, with the per-field checks of countries and agencies.</summary>
internal static class JointProgrammeMapping
{
    public static List<Country> Countries(RepeatedField<string> codes, FieldViolations violations)
    {
        violations.Check(codes.Count is 0 or > JointProgrammeRules.MaxCountries, "country_codes", $"must list 1-{JointProgrammeRules.MaxCountries} countries");
        var countries = new List<Country>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (violations.RequireCountry(codes[i], $"country_codes[{i}]") is not { } country) continue;
            if (violations.Check(countries.Any(c => c.Code == country.Code), $"country_codes[{i}]", $"{country.Code} is listed more than once"))
                countries.Add(country);
        }
        return countries;
    }

    public static List<AgencyShare> Agencies(RepeatedField<Contract.ParticipatingAgency> agencies, FieldViolations violations)
    {
        violations.Check(agencies.Count is 0 or > JointProgrammeRules.MaxAgencies, "agencies", $"must list 1-{JointProgrammeRules.MaxAgencies} agencies");
        var shares = new List<AgencyShare>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agencies.Count; i++)
        {
            var name = agencies[i].Agency;
            if (violations.Check(!JointProgrammeRules.IsValidAgency(name), $"agencies[{i}].agency", "must be 2-20 letters, digits or dashes"))
                violations.Check(!seen.Add(JointProgrammeRules.NormaliseAgency(name)), $"agencies[{i}].agency", "is listed more than once");
            var share = agencies[i].BudgetShare;
            var usd = share is not null && share.CurrencyCode == "USD" && ProtoConvert.IsWellFormed(share) && ProtoConvert.ToDecimal(share) >= 0;
            violations.Check(!usd, $"agencies[{i}].budget_share", "is required: zero or more USD");
            if (usd) shares.Add(new AgencyShare { Agency = JointProgrammeRules.NormaliseAgency(name ?? ""), BudgetShareUsd = ProtoConvert.ToDecimal(share!) });
        }
        violations.Check(agencies.Count > 0 && !agencies.Any(a => JointProgrammeRules.NormaliseAgency(a.Agency ?? "") == JointProgramme.Organisation),
            "agencies", $"must include {JointProgramme.Organisation}: only joint programmes it takes part in are recorded");
        return shares;
    }

    public static JointProgrammeStatus? ToDomain(Contract.JointProgrammeStatus status) => status switch
    {
        Contract.JointProgrammeStatus.Proposal => JointProgrammeStatus.Proposal,
        Contract.JointProgrammeStatus.Approved => JointProgrammeStatus.Approved,
        Contract.JointProgrammeStatus.Ongoing => JointProgrammeStatus.Ongoing,
        Contract.JointProgrammeStatus.Closed => JointProgrammeStatus.Closed,
        _ => null,
    };

    private static Contract.JointProgrammeStatus ToProto(JointProgrammeStatus status) => status switch
    {
        JointProgrammeStatus.Proposal => Contract.JointProgrammeStatus.Proposal,
        JointProgrammeStatus.Approved => Contract.JointProgrammeStatus.Approved,
        JointProgrammeStatus.Ongoing => Contract.JointProgrammeStatus.Ongoing,
        JointProgrammeStatus.Closed => Contract.JointProgrammeStatus.Closed,
        _ => Contract.JointProgrammeStatus.Unspecified,
    };

    public static Contract.JointProgramme ToProto(JointProgramme programme) => new()
    {
        Id = programme.Id.ToString(),
        Title = programme.Title,
        Fund = programme.Fund,
        ThematicWindow = programme.ThematicWindow,
        CountryCodes = { programme.CountryCodes },
        Agencies = { programme.Agencies.Select(a => new Contract.ParticipatingAgency { Agency = a.Agency, BudgetShare = ProtoConvert.ToMoney(a.BudgetShareUsd) }) },
        LeadAgency = programme.LeadAgency,
        Status = ToProto(programme.Status),
        ApprovedOn = programme.ApprovedOn is { } day ? ProtoConvert.ToDate(day) : null,
        RegisteredAt = ProtoConvert.ToTimestamp(programme.RegisteredAt),
        Version = programme.Version,
    };
}
