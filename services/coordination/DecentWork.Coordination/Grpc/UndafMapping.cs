using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Google.Protobuf.Collections;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Proto ⇄ domain for UNDAF statuses and outcomes, with the field checks on outcomes.</summary>
internal static class UndafMapping
{
    public static UndafStatus? ToDomain(Contract.UndafStatus status) => status switch
    {
        Contract.UndafStatus.InPreparation => UndafStatus.InPreparation,
        Contract.UndafStatus.RollOut => UndafStatus.RollOut,
        Contract.UndafStatus.Active => UndafStatus.Active,
        Contract.UndafStatus.Closed => UndafStatus.Closed,
        _ => null,
    };

    public static Contract.UndafStatus ToProto(UndafStatus status) => status switch
    {
        UndafStatus.InPreparation => Contract.UndafStatus.InPreparation,
        UndafStatus.RollOut => Contract.UndafStatus.RollOut,
        UndafStatus.Active => Contract.UndafStatus.Active,
        UndafStatus.Closed => Contract.UndafStatus.Closed,
        _ => Contract.UndafStatus.Unspecified,
    };

    /// <summary>Checks every outcome, naming each bad field as outcomes[i].code / outcomes[i].statement.</summary>
    public static List<UndafOutcome> Outcomes(RepeatedField<Contract.UndafOutcome> outcomes, FieldViolations violations)
    {
        violations.Check(outcomes.Count > Undaf.MaxOutcomes, "outcomes", $"must be at most {Undaf.MaxOutcomes}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var code = outcomes[i].Code;
            if (violations.Check(!UndafOutcome.IsValidCode(code), $"outcomes[{i}].code",
                    $"is required: 1-{UndafOutcome.MaxCodeLength} letters, digits, dots or dashes"))
                violations.Check(!seen.Add(code), $"outcomes[{i}].code", $"'{code}' is given more than once");
            violations.Check(!UndafOutcome.IsValidStatement(outcomes[i].Statement), $"outcomes[{i}].statement",
                $"is required and must be at most {UndafOutcome.MaxStatementLength} characters");
        }
        return outcomes.Select(o => new UndafOutcome { Code = o.Code, Statement = o.Statement }).ToList();
    }
}
