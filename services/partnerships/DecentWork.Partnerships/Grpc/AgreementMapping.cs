using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Agreement and its review, domain to proto.</summary>
internal static class AgreementMapping
{
    public static Contract.Agreement ToProto(Agreement agreement)
    {
        var proto = new Contract.Agreement
        {
            Id = agreement.Id.ToString(),
            PartnerId = agreement.PartnerId.ToString(),
            Title = agreement.Title,
            Kind = (Contract.AgreementKind)agreement.Kind,
            StartDate = ProtoConvert.ToDate(agreement.StartDate),
            EndDate = ProtoConvert.ToDate(agreement.EndDate),
            PledgedAmount = ProtoConvert.ToMoney(agreement.PledgedAmount, agreement.PledgedCurrency),
            Earmarking = (Contract.Earmarking)agreement.Earmarking,
            AlignmentReview = agreement.AlignmentReview is { } review ? ToProto(review) : null,
            RegisteredAt = ProtoConvert.ToTimestamp(agreement.RegisteredAt),
            Version = agreement.Version,
            SignedOn = agreement.SignedOn is { } signed ? ProtoConvert.ToDate(signed) : null,
            PppChecklist = agreement.PppChecklist is { } c
                ? new Contract.PppChecklist { CompletedBy = c.CompletedBy, CompletedOn = ProtoConvert.ToDate(c.CompletedOn), Note = c.Note }
                : null,
        };
        proto.ThematicProvisions.AddRange(agreement.ThematicProvisions.Select(p => (Contract.ThematicProvision)p));
        return proto;
    }

    private static Contract.AlignmentReview ToProto(AlignmentReview review) => new()
    {
        StrategicPriorities = ToProto(review.StrategicPriorities),
        ProgrammingCycles = ToProto(review.ProgrammingCycles),
        PredictableFunding = ToProto(review.PredictableFunding),
        HarmonisedReporting = ToProto(review.HarmonisedReporting),
        CommonPrinciples = ToProto(review.CommonPrinciples),
        Reviewer = review.Reviewer,
        ReviewDate = ProtoConvert.ToDate(review.ReviewDate),
    };

    private static Contract.AlignmentFinding? ToProto(AlignmentFinding? finding) =>
        finding is null ? null : new Contract.AlignmentFinding { Met = finding.Met, Note = finding.Note };
}
