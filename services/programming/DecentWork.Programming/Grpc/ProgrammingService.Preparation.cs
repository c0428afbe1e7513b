using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Consultation and quality assurance.</summary>
public sealed partial class ProgrammingService
{
    public const int MaxPlaceLength = 200;
    public const int MaxUriLength = 2000;
    public const int MaxCommentLength = 2000;

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> StartConsultation(Contract.StartConsultationRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgrammeId, request.ExpectedVersion, new FieldViolations(), context,
            (p, change) => p.StartConsultation(change));

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> RecordConsultation(Contract.RecordConsultationRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var heldOn = ProtoConvert.ToDateOnly(request.HeldOn);
        violations.Check(heldOn is null, "held_on", "is required and must be a full calendar date");
        RequireText(violations, request.Place, "place", MaxPlaceLength);
        var participants = People(violations, request.Participants, "participants");
        var agreed = request.AgreedPriorityIds.Select(ProtoConvert.ToId).ToList();
        violations.Check(agreed.Any(id => id is null), "agreed_priority_ids", "must all be UUIDs");
        violations.Check(request.DocumentUri.Length > 0 && !IsWebLink(request.DocumentUri), "document_uri",
            $"must be an absolute http or https URI of at most {MaxUriLength} characters");
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.RecordConsultation(heldOn!.Value, request.Place, participants, [.. agreed.Select(id => id!.Value)], request.DocumentUri, change));
    }

    /// <summary>Women and men per constituent group, as consultations and committees count them.</summary>
    private static List<Participation> People(FieldViolations violations, IList<Contract.ConsultationParticipation> people, string field)
    {
        violations.Check(people.Count == 0, field, "must list at least one constituent group");
        violations.Check(people.GroupBy(p => p.Group).Any(g => g.Count() > 1), field, "must list each group at most once");
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            violations.Check(p.Group == 0 || !Enum.IsDefined(p.Group), $"{field}[{i}].group", "must be government, employers or workers");
            violations.Check(p.Women < 0, $"{field}[{i}].women", "must not be negative");
            violations.Check(p.Men < 0, $"{field}[{i}].men", "must not be negative");
            violations.Check(p.Women + p.Men <= 0 && p.Women >= 0 && p.Men >= 0, $"{field}[{i}]", "must count at least one person");
        }
        return [.. people.Select(p => new Participation { Group = (ConstituentGroup)p.Group, Women = p.Women, Men = p.Men })];
    }

    private static bool IsWebLink(string value) =>
        value.Length <= MaxUriLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override Task<Contract.Programme> SubmitForQualityAssurance(Contract.SubmitForQualityAssuranceRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgrammeId, request.ExpectedVersion, new FieldViolations(), context,
            (p, change) => p.SubmitForQualityAssurance(change));

    [Authorize(Policy = AccessPolicies.ProgrammesReview)]
    public override Task<Contract.Programme> RecordQualityAssuranceReview(Contract.RecordQualityAssuranceReviewRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.ReviewingUnit == 0 || !Enum.IsDefined(request.ReviewingUnit), "reviewing_unit", "must be headquarters or region");
        violations.Check(request.Decision == 0 || !Enum.IsDefined(request.Decision), "decision", "must be cleared or revise");
        var criteria = Enum.GetValues<Contract.QualityCriterion>().Where(c => c != 0).ToList();
        violations.Check(request.Checklist.Count != criteria.Count || criteria.Any(c => request.Checklist.Count(i => i.Criterion == c) != 1),
            "checklist", "must answer each of the five quality criteria exactly once");
        for (var i = 0; i < request.Checklist.Count; i++)
            violations.Check(request.Checklist[i].Comment.Length > MaxCommentLength, $"checklist[{i}].comment", $"must be at most {MaxCommentLength} characters");
        var checklist = request.Checklist.Select(i => new ChecklistResult
        {
            Criterion = (QualityCriterion)i.Criterion, Passed = i.Passed, Comment = i.Comment.Trim(),
        }).ToList();
        return ChangeAsync(request.ProgrammeId, request.ExpectedVersion, violations, context,
            (p, change) => p.RecordReview((ReviewingUnit)request.ReviewingUnit, checklist, (ReviewDecision)request.Decision, change));
    }
}
