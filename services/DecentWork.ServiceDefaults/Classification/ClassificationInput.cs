using System.Globalization;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Contract = DecentWork.Contracts.Common.V1;

namespace DecentWork.ServiceDefaults.Classification;

/// <summary>
/// Checks a classification from a request against the IATI codelists and turns it into the domain
/// type; every bad code is a field violation under <c>field</c> (e.g. "classification.sdg_targets[1]").
/// </summary>
public static class ClassificationInput
{
    /// <summary>A bound on each list, so one request cannot make a record of unbounded size.</summary>
    public const int MaxCodes = 30;

    public static WorkClassification FromProto(Contract.Classification? input, FieldViolations violations, string field)
    {
        var result = new WorkClassification();
        if (input is null) return result;
        violations.Check(input.PolicyMarkers.Count > MaxCodes || input.SdgGoals.Count > MaxCodes || input.SdgTargets.Count > MaxCodes
            || input.Sectors.Count > MaxCodes, field, $"each list holds at most {MaxCodes} codes");

        for (var i = 0; i < input.PolicyMarkers.Count; i++)
        {
            var marker = input.PolicyMarkers[i];
            var at = $"{field}.policy_markers[{i}]";
            violations.Check(!Codelists.PolicyMarker.Allows(marker.Code), $"{at}.code", $"'{marker.Code}' is not in the IATI PolicyMarker codelist");
            violations.Check(!Codelists.PolicySignificance.Allows(marker.Significance), $"{at}.significance",
                $"'{marker.Significance}' is not in the IATI PolicySignificance codelist");
            violations.Check(input.PolicyMarkers.Take(i).Any(m => m.Code == marker.Code), $"{at}.code", "is listed twice");
            result.PolicyMarkers.Add(new PolicyMarkerScore { Code = marker.Code, Significance = marker.Significance });
        }

        CheckCodes(input.SdgGoals, Codelists.SdgGoals, "UNSDG-Goals", $"{field}.sdg_goals", violations);
        CheckCodes(input.SdgTargets, Codelists.SdgTargets, "UNSDG-Targets", $"{field}.sdg_targets", violations);
        for (var i = 0; i < input.SdgTargets.Count; i++)
        {
            var goal = input.SdgTargets[i].Split('.')[0];
            violations.Check(Codelists.SdgTargets.Allows(input.SdgTargets[i]) && !input.SdgGoals.Contains(goal),
                $"{field}.sdg_targets[{i}]", $"its goal {goal} must also be listed in sdg_goals");
        }
        result.SdgGoals.AddRange(input.SdgGoals);
        result.SdgTargets.AddRange(input.SdgTargets);

        result.Sectors.AddRange(Sectors(input.Sectors, violations, $"{field}.sectors"));
        return result;
    }

    public static Contract.Classification ToProto(WorkClassification? classification)
    {
        var proto = new Contract.Classification();
        if (classification is null) return proto;
        proto.PolicyMarkers.AddRange(classification.PolicyMarkers.Select(m => new Contract.PolicyMarkerScore { Code = m.Code, Significance = m.Significance }));
        proto.SdgGoals.AddRange(classification.SdgGoals);
        proto.SdgTargets.AddRange(classification.SdgTargets);
        proto.Sectors.AddRange(classification.Sectors.Select(s => new Contract.SectorShare
        {
            Code = s.Code,
            Percentage = s.Percentage.ToString(CultureInfo.InvariantCulture),
        }));
        return proto;
    }

    private static void CheckCodes(IList<string> codes, Codelist list, string listName, string field, FieldViolations violations)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            violations.Check(!list.Allows(codes[i]), $"{field}[{i}]", $"'{codes[i]}' is not in the IATI {listName} codelist");
            violations.Check(codes.Take(i).Contains(codes[i]), $"{field}[{i}]", "is listed twice");
        }
    }

    private static List<SectorShare> Sectors(IList<Contract.SectorShare> input, FieldViolations violations, string field)
    {
        var sectors = new List<SectorShare>();
        for (var i = 0; i < input.Count; i++)
        {
            var at = $"{field}[{i}]";
            violations.Check(!Codelists.Sector.Allows(input[i].Code), $"{at}.code", $"'{input[i].Code}' is not a 5-digit code in the IATI Sector codelist");
            violations.Check(input.Take(i).Any(s => s.Code == input[i].Code), $"{at}.code", "is listed twice");
            var percentage = Percentage(input[i].Percentage, input.Count == 1, violations, $"{at}.percentage");
            sectors.Add(new SectorShare { Code = input[i].Code, Percentage = percentage });
        }
        var total = sectors.Sum(s => s.Percentage);
        violations.Check(sectors.Count > 1 && total != 100m, field, $"percentages must sum to 100 (they sum to {total.ToString(CultureInfo.InvariantCulture)})");
        return sectors;
    }

    /// <summary>A share of 0-100 with at most two decimals; empty or 0 means 100 when it is the only sector.</summary>
    private static decimal Percentage(string text, bool only, FieldViolations violations, string field)
    {
        if (string.IsNullOrEmpty(text)) text = "0";
        if (!violations.Check(!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value),
                field, "must be a decimal number such as \"62.5\"")) return 0;
        violations.Check(value > 100m || decimal.Round(value, 2) != value, field, "must be 0-100 with at most two decimals");
        if (value == 0m && only) return 100m;
        violations.Check(value == 0m, field, "must be more than 0 when there are several sectors");
        return value;
    }
}
