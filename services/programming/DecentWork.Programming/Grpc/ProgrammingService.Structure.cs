using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Google.Type;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Priorities and outcomes.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> AddPriority(Contract.AddPriorityRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        RequireText(violations, request.Title, "title", Programme.MaxTitleLength);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.AddPriority(request.Title, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> AddOutcome(Contract.AddOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var priorityId = ProtoConvert.ToId(request.PriorityId);
        violations.Check(priorityId is null, "priority_id", "must be a UUID");
        var (objective, need) = OutcomeFields(violations, request.Code, request.Statement, request.StrategicObjective, request.ResourceNeed);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.AddOutcome(priorityId!.Value, request.Code, request.Statement, objective, need, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> ChangeOutcome(Contract.ChangeOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var outcomeId = ProtoConvert.ToId(request.OutcomeId);
        violations.Check(outcomeId is null, "outcome_id", "must be a UUID");
        var (objective, need) = OutcomeFields(violations, request.Code, request.Statement, request.StrategicObjective, request.ResourceNeed);
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.ChangeOutcome(outcomeId!.Value, request.Code, request.Statement, objective, need, change));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> WithdrawOutcome(Contract.WithdrawOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var outcomeId = ProtoConvert.ToId(request.OutcomeId);
        violations.Check(outcomeId is null, "outcome_id", "must be a UUID");
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.WithdrawOutcome(outcomeId!.Value, change));
    }

    private static (StrategicObjective Objective, decimal NeedUsd) OutcomeFields(FieldViolations violations, string code, string statement,
        Contract.StrategicObjective objective, Money? need)
    {
        RequireText(violations, code, "code", Programme.MaxCodeLength);
        RequireText(violations, statement, "statement", Programme.MaxStatementLength);
        violations.Check(objective == 0 || !Enum.IsDefined(objective), "strategic_objective", "must be one of the four strategic objectives");
        return ((StrategicObjective)objective, RequireUsd(violations, need, "resource_need"));
    }

    private static void RequireText(FieldViolations violations, string value, string field, int maxLength)
    {
        violations.Check(string.IsNullOrWhiteSpace(value), field, "is required");
        violations.Check(value.Length > maxLength, field, $"must be at most {maxLength} characters");
    }

    /// <summary>A required, well-formed, non-negative amount in US dollars, the one currency the service keeps.</summary>
    private static decimal RequireUsd(FieldViolations violations, Money? money, string field)
    {
        if (!violations.Check(money is null, field, "is required")) return 0;
        if (!violations.Check(money!.CurrencyCode != "USD", field, "must be in USD")) return 0;
        if (!violations.Check(!ProtoConvert.IsWellFormed(money), field, "units and nanos must share a sign and |nanos| < 1e9")) return 0;
        var amount = ProtoConvert.ToDecimal(money);
        violations.Check(amount < 0, field, "must not be negative");
        return amount;
    }
}
