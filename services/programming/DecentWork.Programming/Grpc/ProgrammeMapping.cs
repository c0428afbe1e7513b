using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Domain to proto. Enum numbers match on both sides, so enums are cast.</summary>
public sealed partial class ProgrammingService
{
    /// <summary>The programme with the money mobilised for it, which is kept beside it (<see cref="ProgrammeFunding"/>).</summary>
    internal static Contract.Programme ToProto(Programme programme, ProgrammeFunding funding)
    {
        var proto = new Contract.Programme
        {
            Id = programme.Id.ToString(),
            CountryCode = programme.CountryCode,
            Region = (Contract.IloRegion)programme.Region,
            Title = programme.Title,
            PeriodStart = ProtoConvert.ToDate(programme.PeriodStart),
            PeriodEnd = ProtoConvert.ToDate(programme.PeriodEnd),
            Status = (Contract.ProgrammeStatus)programme.Status,
            FundingMobilised = ProtoConvert.ToMoney(funding.MobilisedUsd),
            FundingApprovalCount = funding.ApprovalCount,
            RegisteredAt = ProtoConvert.ToTimestamp(programme.RegisteredAt),
            Version = programme.Version,
            ContentRevision = programme.ContentRevision,
            ApprovedOn = programme.ApprovedOn is { } approved ? ProtoConvert.ToDate(approved) : null,
            Evaluation = programme.Evaluation is { } e ? ToProto(e) : null,
            ResourceNeed = ProtoConvert.ToMoney(programme.ResourceNeedUsd()),
            FundingGap = ProtoConvert.ToMoney(funding.GapOf(programme)),
            Training = programme.Training is { } training ? ToProto(training) : null,
            RequestId = programme.RequestId,
            DraftedBy = programme.DraftedBy,
            SubmittedBy = programme.SubmittedBy,
            DiscardReason = programme.DiscardReason,
            DiscardedAt = programme.DiscardedAt is { } discarded ? ProtoConvert.ToTimestamp(discarded) : null,
        };
        proto.Priorities.AddRange(programme.Priorities.Select(p => ToProto(p, programme, funding)));
        proto.Consultations.AddRange(programme.Consultations.Select(ToProto));
        proto.QualityAssuranceReviews.AddRange(programme.Reviews.Select(ToProto));
        proto.Signatories.AddRange(programme.Signatories.Select(ToProto));
        if (programme.SteeringCommittee is { } committee)
        {
            proto.SteeringCommittee = new Contract.SteeringCommittee { Name = committee.Name };
            proto.SteeringCommittee.Members.AddRange(committee.Members.Select(ToProto));
        }
        proto.NationalFrameworkLinks.AddRange(programme.NationalFrameworkLinks.Select(l => new Contract.NationalFrameworkLink
        {
            Kind = (Contract.NationalFrameworkKind)l.Kind, Title = l.Title, DocumentUri = l.DocumentUri,
        }));
        return proto;
    }

    private static Contract.Priority ToProto(Priority priority, Programme programme, ProgrammeFunding funding)
    {
        var proto = new Contract.Priority { Id = priority.Id.ToString(), Title = priority.Title };
        proto.Outcomes.AddRange(programme.Outcomes.Where(o => o.PriorityId == priority.Id).Select(o => ToProto(o, programme, funding)));
        return proto;
    }

    private static Contract.Outcome ToProto(Outcome o, Programme programme, ProgrammeFunding funding)
    {
        var proto = ToProto(o, funding.MobilisedFor(o.Id));
        proto.Indicators.AddRange(programme.Indicators.Where(i => i.OutcomeId == o.Id).Select(ToProto));
        AddResults(proto, programme.ResultsOf(o.Id));
        return proto;
    }

    private static Contract.Indicator ToProto(Indicator i)
    {
        var proto = new Contract.Indicator
        {
            Id = i.Id.ToString(), Description = i.Description, Kind = (Contract.IndicatorKind)i.Kind, Unit = i.Unit,
            Baseline = i.Baseline, Target = i.Target, TargetDate = ProtoConvert.ToDate(i.TargetDate),
        };
        proto.Progress.AddRange(i.Progress.Select(p => new Contract.ProgressReport
        {
            ReportedOn = ProtoConvert.ToDate(p.ReportedOn), Actual = p.Actual, Comment = p.Comment, Breakdown = { ToProto(p.Breakdown) },
        }));
        return proto;
    }

    private static Contract.Outcome ToProto(Outcome o, decimal mobilisedUsd) => new()
    {
        Id = o.Id.ToString(),
        PriorityId = o.PriorityId.ToString(),
        Code = o.Code,
        Statement = o.Statement,
        StrategicObjective = (Contract.StrategicObjective)o.StrategicObjective,
        ResourceNeed = ProtoConvert.ToMoney(o.ResourceNeedUsd),
        FundingMobilised = ProtoConvert.ToMoney(mobilisedUsd),
        FundingGap = ProtoConvert.ToMoney(o.ResourceNeedUsd - mobilisedUsd),
        Withdrawn = o.Withdrawn,
        Classification = ClassificationInput.ToProto(o.Classification),
    };

    private static Contract.Consultation ToProto(Consultation c)
    {
        var proto = new Contract.Consultation
        {
            Id = c.Id.ToString(), HeldOn = ProtoConvert.ToDate(c.HeldOn), Place = c.Place, DocumentUri = c.DocumentUri,
        };
        proto.Participants.AddRange(c.Participants.Select(ToProto));
        proto.AgreedPriorityIds.AddRange(c.AgreedPriorityIds.Select(id => id.ToString()));
        return proto;
    }

    private static Contract.ConsultationParticipation ToProto(Participation p) =>
        new() { Group = (Contract.ConstituentGroup)p.Group, Women = p.Women, Men = p.Men };

    private static Contract.QualityAssuranceReview ToProto(QualityAssuranceReview r)
    {
        var proto = new Contract.QualityAssuranceReview
        {
            Id = r.Id.ToString(),
            ReviewingUnit = (Contract.ReviewingUnit)r.ReviewingUnit,
            Decision = (Contract.ReviewDecision)r.Decision,
            ContentRevision = r.ContentRevision,
            RecordedAt = ProtoConvert.ToTimestamp(r.RecordedAt),
        };
        proto.Checklist.AddRange(r.Checklist.Select(i => new Contract.ChecklistItem
        {
            Criterion = (Contract.QualityCriterion)i.Criterion, Passed = i.Passed, Comment = i.Comment,
        }));
        return proto;
    }

    private static Contract.Signatory ToProto(Signatory s) =>
        new() { Group = (Contract.ConstituentGroup)s.Group, Name = s.Name, SignedOn = ProtoConvert.ToDate(s.SignedOn), SignedBy = s.SignedBy };

    private static Contract.Evaluation ToProto(Evaluation e) =>
        new() { Kind = (Contract.EvaluationKind)e.Kind, EvaluatedOn = ProtoConvert.ToDate(e.EvaluatedOn), Summary = e.Summary };

    private static Contract.TrainingTotals ToProto(TrainingCount t) => new()
    {
        ParticipantsTrained = t.ParticipantsTrained, ParticipantDays = t.ParticipantDays,
        CountedAt = ProtoConvert.ToTimestamp(t.CountedAt), Revision = t.Revision,
    };

    private static Contract.HistoryEntry ToProto(HistoryEntry h) => new()
    {
        Version = h.Version, Action = h.Action, Detail = h.Detail, ChangedBy = h.ChangedBy, ChangedAt = ProtoConvert.ToTimestamp(h.ChangedAt),
        ChangedBySubject = h.ChangedBySubject, ChangedByName = h.ChangedByName,
    };
}
