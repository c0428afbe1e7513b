using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Google.Protobuf.Collections;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Breakdowns, project results, gender audits and ratification targets: domain to proto and back.</summary>
public sealed partial class ProgrammingService
{
    private static IEnumerable<Contract.ActualPart> ToProto(IEnumerable<ActualPart> parts) =>
        parts.Select(p => new Contract.ActualPart { Dimension = p.Dimension, Category = p.Category, Value = ActualBreakdown.Format(p.Value) });

    /// <summary>The request's parts, cleaned, with a violation for each that is not a known dimension, category or decimal.</summary>
    private static List<ActualPart> BreakdownFrom(RepeatedField<Contract.ActualPart> requested, FieldViolations violations)
    {
        var parts = new List<ActualPart>();
        for (var i = 0; i < requested.Count; i++)
        {
            var valid = violations.Check(!Programme.TryParseValue(requested[i].Value, out var value), $"breakdown[{i}].value", "must be a decimal number such as 40");
            parts.Add(new ActualPart { Dimension = requested[i].Dimension, Category = requested[i].Category, Value = valid ? value : 0 });
        }
        var cleaned = ActualBreakdown.Clean(parts);
        // The rules that need no indicator: known dimensions and categories, each once, none negative.
        foreach (var (field, description) in ActualBreakdown.Problems(IndicatorKind.Percentage, "", cleaned)) violations.Add(field, description);
        return cleaned;
    }

    private static void AddResults(Contract.Outcome proto, List<ProjectResult> results)
    {
        proto.ProjectResults.AddRange(results.Select(ToProto));
        proto.ResultsSummary = ToProto(ResultsSummary.Of(results));
    }

    private static Contract.ProjectResult ToProto(ProjectResult r) => new()
    {
        Id = r.Id.ToString(), OutcomeId = r.OutcomeId.ToString(), ProjectId = r.ProjectId?.ToString() ?? "", ProjectCode = r.ProjectCode,
        Description = r.Description,
        Beneficiaries = new Contract.Beneficiaries { Total = r.Beneficiaries, Women = r.Women, Men = r.Men, Group = r.BeneficiaryGroup },
        CountriesReachedCount = r.CountriesReachedCount, CountriesReached = { r.CountriesReached },
        AchievedOn = ProtoConvert.ToDate(r.AchievedOn), RecordedBy = r.RecordedBy,
    };

    private static Contract.OutcomeResultsSummary ToProto(ResultsSummary s) => new()
    {
        ResultCount = s.ResultCount, Beneficiaries = s.Beneficiaries, Women = s.Women, Men = s.Men, CountriesReachedAtLeast = s.CountriesReachedAtLeast,
    };

    private static Contract.GenderAudit ToProto(GenderAudit a) => new()
    {
        Id = a.Id.ToString(), CountryCode = a.CountryCode, Region = (Contract.IloRegion)a.Region, Title = a.Title,
        HeldOn = ProtoConvert.ToDate(a.HeldOn), Participants = { a.Participants.Select(ToProto) },
        Findings = { a.Findings.Select(f => new Contract.GenderAuditFinding { Kind = (Contract.GenderAuditFindingKind)f.Kind, Text = f.Text }) },
        ProgrammeIds = { a.ProgrammeIds.Select(id => id.ToString()) }, Version = a.Version, RecordedBy = a.RecordedBy,
        RequestId = a.RequestId,
    };

    private static Contract.RatificationTarget ToProto(RatificationTarget t) => new()
    {
        Id = t.Id.ToString(), ConventionNumber = t.ConventionNumber, CountryCode = t.CountryCode, Region = (Contract.IloRegion)t.Region,
        Campaign = t.Campaign, SupportingProjectId = t.SupportingProjectId?.ToString() ?? "", SupportingProjectCode = t.SupportingProjectCode,
        PartnerId = t.PartnerId?.ToString() ?? "", PartnerName = t.PartnerName, TargetedOn = ProtoConvert.ToDate(t.TargetedOn),
        RatifiedOn = t.RatifiedOn is { } ratified ? ProtoConvert.ToDate(ratified) : null, Version = t.Version, RecordedBy = t.RecordedBy,
    };
}
