using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Project and its reviews, domain to proto.</summary>
internal static class ProjectMapping
{
    public static Contract.Project ToProto(Project project)
    {
        var proto = new Contract.Project
        {
            Id = project.Id.ToString(),
            Code = project.Code,
            Title = project.Title,
            Budget = ProtoConvert.ToMoney(project.BudgetUsd, FundingApproval.Usd),
            StartDate = ProtoConvert.ToDate(project.StartDate),
            EndDate = ProtoConvert.ToDate(project.EndDate),
            Status = (Contract.ProjectStatus)project.Status,
            Appraisal = project.Appraisal is { } a ? ToProto(a) : null,
            GenderPeerReview = project.GenderPeerReview is { } g
                ? new Contract.GenderPeerReview { Cleared = g.Cleared, Reviewer = g.Reviewer, ReviewDate = ProtoConvert.ToDate(g.ReviewDate), Note = g.Note }
                : null,
            RegisteredAt = ProtoConvert.ToTimestamp(project.RegisteredAt),
            Version = project.Version,
            Classification = ClassificationInput.ToProto(project.Classification),
        };
        proto.CountryCodes.AddRange(project.CountryCodes);
        proto.PartnerIds.AddRange(project.PartnerIds.Select(id => id.ToString()));
        proto.OutcomeIds.AddRange(project.OutcomeIds.Select(id => id.ToString()));
        proto.StrategicObjectives.AddRange(project.StrategicObjectives);
        proto.StatusChanges.AddRange(project.StatusChanges.Select(c => new Contract.ProjectStatusChange
        {
            FromStatus = (Contract.ProjectStatus)c.From,
            ToStatus = (Contract.ProjectStatus)c.To,
            ChangedOn = ProtoConvert.ToDate(c.ChangedOn),
            Reason = c.Reason,
            ChangedBy = c.ChangedBy,
        }));
        ProjectMeetingMapping.AddTo(proto, project);
        return proto;
    }

    private static Contract.ProjectAppraisal ToProto(ProjectAppraisal a) => new()
    {
        Relevance = ToProto(a.Relevance),
        Design = ToProto(a.Design),
        FinancialFeasibility = ToProto(a.FinancialFeasibility),
        LegalFeasibility = ToProto(a.LegalFeasibility),
        Sustainability = ToProto(a.Sustainability),
        Coherence = ToProto(a.Coherence),
        Appraiser = a.Appraiser,
        AppraisalDate = ProtoConvert.ToDate(a.AppraisalDate),
    };

    private static Contract.AppraisalFinding? ToProto(AppraisalFinding? f) =>
        f is null ? null : new Contract.AppraisalFinding { Satisfactory = f.Satisfactory, Note = f.Note };
}
