using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Reads project requests into domain values, naming every bad field at once.</summary>
internal static class ProjectInput
{
    private const int MaxCountries = 200;
    private const int MaxPartners = 50;
    private const int MaxOutcomes = 100;
    private const int MaxText = 200;
    public const int MaxNote = 2000;

    public static ProjectPlan Plan(Contract.RegisterProjectRequest request, FieldViolations violations)
    {
        var code = request.Code.Trim();
        violations.Check(code.Length is 0 or > Project.MaxCodeLength, "code", $"is required, 1-{Project.MaxCodeLength} characters");
        violations.Check(request.Title.Trim().Length is 0 or > MaxText, "title", $"is required, 1-{MaxText} characters");
        violations.Check(request.CountryCodes.Count is 0 or > MaxCountries, "country_codes", $"must hold 1-{MaxCountries} countries");
        var countries = request.CountryCodes.Select((c, i) => violations.RequireCountry(c, $"country_codes[{i}]")?.Code).OfType<string>().ToList();
        violations.Check(request.PartnerIds.Count is 0 or > MaxPartners, "partner_ids", $"must hold 1-{MaxPartners} partner ids");
        var partners = Ids(request.PartnerIds, "partner_ids", violations);
        violations.Check(request.OutcomeIds.Count > MaxOutcomes, "outcome_ids", $"must hold at most {MaxOutcomes} ids");
        var outcomes = Ids(request.OutcomeIds, "outcome_ids", violations);
        violations.Check(request.StrategicObjectives.Any(o => !Allocation.IsValidStrategicObjective(o)), "strategic_objectives", "must each be 1-4");
        var budget = FundingApprovalInput.Usd(request.Budget, "budget", violations);
        var start = ProtoConvert.ToDateOnly(request.StartDate);
        var end = ProtoConvert.ToDateOnly(request.EndDate);
        violations.Check(start is null, "start_date", "is required and must be a real calendar date");
        if (violations.Check(end is null, "end_date", "is required and must be a real calendar date"))
            violations.Check(start is not null && end < start, "end_date", "must not be before start_date");
        return new ProjectPlan(code, request.Title, countries, partners, budget, start ?? default, end ?? default, outcomes, [.. request.StrategicObjectives]);
    }

    /// <summary>The appraisal as <paramref name="appraiser"/> (the caller) records it; the request's appraiser is ignored.</summary>
    public static ProjectAppraisal? Appraisal(Contract.ProjectAppraisal? input, string appraiser, FieldViolations violations)
    {
        if (!violations.Check(input is null, "appraisal", "is required")) return null;
        var appraisal = new ProjectAppraisal
        {
            Relevance = Finding(input!.Relevance, "appraisal.relevance", violations),
            Design = Finding(input.Design, "appraisal.design", violations),
            FinancialFeasibility = Finding(input.FinancialFeasibility, "appraisal.financial_feasibility", violations),
            LegalFeasibility = Finding(input.LegalFeasibility, "appraisal.legal_feasibility", violations),
            Sustainability = Finding(input.Sustainability, "appraisal.sustainability", violations),
            Coherence = Finding(input.Coherence, "appraisal.coherence", violations),
            Appraiser = appraiser,
            AppraisalDate = ProtoConvert.ToDateOnly(input.AppraisalDate) ?? default,
        };
        violations.Check(appraisal.AppraisalDate == default, "appraisal.appraisal_date", "is required and must be a real calendar date");
        return appraisal;
    }

    /// <summary>The review as <paramref name="reviewer"/> (the caller) records it; the request's reviewer is ignored.</summary>
    public static GenderPeerReview? GenderReview(Contract.GenderPeerReview? input, string reviewer, FieldViolations violations)
    {
        if (!violations.Check(input is null, "review", "is required")) return null;
        var review = new GenderPeerReview
        {
            Cleared = input!.Cleared,
            Reviewer = reviewer,
            ReviewDate = ProtoConvert.ToDateOnly(input.ReviewDate) ?? default,
            Note = input.Note.Trim(),
        };
        violations.Check(review.ReviewDate == default, "review.review_date", "is required and must be a real calendar date");
        violations.Check(input.Note.Length > MaxNote, "review.note", $"must be at most {MaxNote} characters");
        return review;
    }

    /// <summary>An unset date means "today" to the caller; a set one must be a real calendar date.</summary>
    public static DateOnly? OptionalDate(Google.Type.Date? input, string field, FieldViolations violations)
    {
        if (input is null) return null;
        var date = ProtoConvert.ToDateOnly(input);
        violations.Check(date is null, field, "must be a real calendar date when set");
        return date;
    }

    private static AppraisalFinding? Finding(Contract.AppraisalFinding? input, string field, FieldViolations violations)
    {
        if (!violations.Check(input is null, field, "is required")) return null;
        violations.Check(input!.Note.Length > MaxNote, $"{field}.note", $"must be at most {MaxNote} characters");
        return new AppraisalFinding { Satisfactory = input.Satisfactory, Note = input.Note.Trim() };
    }

    private static List<Guid> Ids(IEnumerable<string> values, string field, FieldViolations violations) =>
        [.. values.Select((v, i) => (Id: ProtoConvert.ToId(v), Index: i))
            .Where(p => violations.Check(p.Id is null, $"{field}[{p.Index}]", "must be a UUID"))
            .Select(p => p.Id!.Value)];
}
