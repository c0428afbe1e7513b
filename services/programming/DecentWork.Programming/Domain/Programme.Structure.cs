using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>Priorities and outcomes: the content that quality assurance reviews and constituents sign.</summary>
public sealed partial class Programme
{
    public const int MaxCodeLength = 20;
    public const int MaxStatementLength = 2000;

    public List<Priority> Priorities { get; private set; } = [];
    public List<Outcome> Outcomes { get; private set; } = [];

    /// <summary>Incremented by every change to priorities or outcomes; a review covers one revision.</summary>
    public int ContentRevision { get; private set; }

    public Priority AddPriority(string title, Change change)
    {
        EnsureContentCanChange();
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
            throw new DomainRuleException($"A priority needs a title of 1-{MaxTitleLength} characters.");
        var priority = new Priority { Id = Guid.NewGuid(), Title = title.Trim() };
        Priorities.Add(priority);
        ContentChanged(change, "PriorityAdded", priority.Title);
        return priority;
    }

    public Outcome AddOutcome(Guid priorityId, string code, string statement, StrategicObjective objective, decimal resourceNeedUsd, Change change)
    {
        EnsureContentCanChange();
        if (Priorities.All(p => p.Id != priorityId))
            throw new DomainRuleException($"The programme has no priority {priorityId}; add the priority first.");
        var outcome = new Outcome { Id = Guid.NewGuid(), PriorityId = priorityId };
        Apply(outcome, code, statement, objective, resourceNeedUsd);
        Outcomes.Add(outcome);
        OutcomeChanged(outcome, change, "OutcomeAdded");
        return outcome;
    }

    public Outcome ChangeOutcome(Guid outcomeId, string code, string statement, StrategicObjective objective, decimal resourceNeedUsd, Change change)
    {
        EnsureContentCanChange();
        var outcome = ActiveOutcome(outcomeId);
        Apply(outcome, code, statement, objective, resourceNeedUsd);
        OutcomeChanged(outcome, change, "OutcomeChanged");
        return outcome;
    }

    public Outcome WithdrawOutcome(Guid outcomeId, Change change)
    {
        EnsureContentCanChange();
        var outcome = ActiveOutcome(outcomeId);
        outcome.Withdrawn = true;
        OutcomeChanged(outcome, change, "OutcomeWithdrawn");
        return outcome;
    }

    /// <summary>Content may change until the programme is completed; after that it is a record.</summary>
    private void EnsureContentCanChange()
    {
        if (Status is ProgrammeStatus.Completed or ProgrammeStatus.Evaluated or ProgrammeStatus.Discarded)
            throw new DomainRuleException($"The programme is {ProtoNames.Of(Status)}; its priorities and outcomes can no longer change.");
    }

    private Outcome ActiveOutcome(Guid outcomeId)
    {
        var outcome = Outcomes.FirstOrDefault(o => o.Id == outcomeId)
            ?? throw new DomainRuleException($"The programme has no outcome {outcomeId}.");
        if (outcome.Withdrawn) throw new DomainRuleException($"Outcome {outcome.Code} was withdrawn and can no longer change.");
        return outcome;
    }

    private void Apply(Outcome outcome, string code, string statement, StrategicObjective objective, decimal resourceNeedUsd)
    {
        code = code.Trim();
        if (code.Length is 0 or > MaxCodeLength) throw new DomainRuleException($"An outcome needs a code of 1-{MaxCodeLength} characters.");
        if (string.IsNullOrWhiteSpace(statement) || statement.Length > MaxStatementLength)
            throw new DomainRuleException($"An outcome needs a statement of 1-{MaxStatementLength} characters.");
        if (!Enum.IsDefined(objective)) throw new DomainRuleException("An outcome must serve one of the four strategic objectives.");
        if (resourceNeedUsd < 0) throw new DomainRuleException("An outcome's resource need cannot be negative.");
        if (Outcomes.Any(o => o.Id != outcome.Id && !o.Withdrawn && string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException($"Another outcome of this programme already has the code {code}.");
        outcome.Code = code;
        outcome.Statement = statement.Trim();
        outcome.StrategicObjective = objective;
        outcome.ResourceNeedUsd = resourceNeedUsd;
    }

    private void OutcomeChanged(Outcome outcome, Change change, string action)
    {
        ContentChanged(change, action, $"{outcome.Code} ({outcome.StrategicObjective}, USD {outcome.ResourceNeedUsd}): {outcome.Statement}");
        // Before approval nobody outside plans against the outcomes; afterwards they link and fund them.
        if (Status is ProgrammeStatus.Approved or ProgrammeStatus.Active)
            Raise(new ProgrammeOutcomeChanged(Id, ToEvent(outcome), outcome.Withdrawn, change.At, CountryCode, change.By));
    }

    private void ContentChanged(Change change, string action, string detail)
    {
        ContentRevision++;
        // Before approval the signatures are of the content the constituents read, now changed;
        // after approval they are the record of what was approved.
        if (IsInPreparation()) Signatories.Clear();
        Record(change, action, detail);
    }

    internal static ProgrammeOutcome ToEvent(Outcome o) =>
        new(o.Id, o.Code, o.Statement, (int)o.StrategicObjective, o.ResourceNeedUsd);
}
