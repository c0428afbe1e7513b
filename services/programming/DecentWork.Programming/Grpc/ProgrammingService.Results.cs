using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Discarding a draft, and project results against outcomes with their report.</summary>
public sealed partial class ProgrammingService
{
    public const int MaxResultTextLength = 2000;
    public const int MaxBeneficiaryGroupLength = 200;
    public const int MaxProjectCodeLength = 50;

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> DiscardProgramme(Contract.DiscardProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        RequireText(violations, request.Reason, "reason", Programme.MaxDiscardReasonLength);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context, (p, change) => p.Discard(request.Reason, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> RecordProjectResult(Contract.RecordProjectResultRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var outcomeId = ProtoConvert.ToId(request.OutcomeId);
        violations.Check(outcomeId is null, "outcome_id", "must be a UUID");
        var projectId = ProtoConvert.ToId(request.ProjectId);
        violations.Check(request.ProjectId.Length > 0 && projectId is null, "project_id", "must be a UUID");
        violations.Check(request.ProjectId.Length == 0 && string.IsNullOrWhiteSpace(request.ProjectCode), "project_code", "or project_id is required");
        violations.Check(request.ProjectCode.Length > MaxProjectCodeLength, "project_code", $"must be at most {MaxProjectCodeLength} characters");
        RequireText(violations, request.Description, "description", MaxResultTextLength);
        var people = request.Beneficiaries ?? new Contract.Beneficiaries();
        violations.Check(people.Total < 0, "beneficiaries.total", "must not be negative");
        violations.Check(people.Women < 0, "beneficiaries.women", "must not be negative");
        violations.Check(people.Men < 0, "beneficiaries.men", "must not be negative");
        violations.Check(people.Women >= 0 && people.Men >= 0 && (long)people.Women + people.Men > people.Total, "beneficiaries",
            $"women ({people.Women}) and men ({people.Men}) are part of the total ({people.Total}) and cannot exceed it");
        violations.Check(people.Group.Length > MaxBeneficiaryGroupLength, "beneficiaries.group", $"must be at most {MaxBeneficiaryGroupLength} characters");
        CountriesReached(request, violations);
        var achievedOn = ProtoConvert.ToDateOnly(request.AchievedOn);
        violations.Check(achievedOn is null, "achieved_on", "is required and must be a full calendar date");
        var input = new ProjectResultInput(projectId, request.ProjectCode, request.Description, people.Total, people.Women, people.Men, people.Group,
            request.CountriesReachedCount, [.. request.CountriesReached], achievedOn ?? default);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.RecordProjectResult(outcomeId!.Value, input, change));
    }

    private static void CountriesReached(Contract.RecordProjectResultRequest request, FieldViolations violations)
    {
        var listed = request.CountriesReached;
        violations.Check(listed.Count > Programme.MaxCountriesReached, "countries_reached", $"must list at most {Programme.MaxCountriesReached} countries");
        for (var i = 0; i < listed.Count && i < Programme.MaxCountriesReached; i++)
            if (violations.RequireCountry(listed[i], $"countries_reached[{i}]") is { } country)
                violations.Check(listed.Take(i).Any(c => string.Equals(c.Trim(), country.Code, StringComparison.OrdinalIgnoreCase)),
                    $"countries_reached[{i}]", $"{country.Code} is listed more than once");
        violations.Check(request.CountriesReachedCount is < 0 or > Programme.MaxCountriesReached, "countries_reached_count",
            $"must be 0-{Programme.MaxCountriesReached}");
        violations.Check(listed.Count > 0 && request.CountriesReachedCount != 0 && request.CountriesReachedCount != listed.Count,
            "countries_reached_count", $"must be 0 or the number of countries listed ({listed.Count})");
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportOutcomeResultsResponse> ReportOutcomeResults(Contract.ReportOutcomeResultsRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.ProgrammeId, "programme_id");
        var programme = await FindVisibleAsync(id, request.ProgrammeId, Caller.From(context), context.CancellationToken);
        var response = new Contract.ReportOutcomeResultsResponse();
        var counted = new List<ProjectResult>();
        foreach (var priority in programme.Priorities)
            foreach (var outcome in programme.Outcomes.Where(o => o.PriorityId == priority.Id && !o.Withdrawn))
            {
                var results = programme.ResultsOf(outcome.Id);
                counted.AddRange(results);
                response.Rows.Add(new Contract.OutcomeResultsRow
                {
                    OutcomeId = outcome.Id.ToString(), OutcomeCode = outcome.Code, Summary = ToProto(ResultsSummary.Of(results)),
                    Results = { results.Select(ToProto) },
                });
            }
        response.Total = ToProto(ResultsSummary.Of(counted));
        return response;
    }
}
