using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Training.Domain;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

/// <summary>Edition and enrolment proto messages to domain values and back.</summary>
internal static class EditionMapping
{
    public static (Guid CourseId, Guid EditionId) RequireIds(string courseId, string editionId, FieldViolations violations, bool throwNow = true)
    {
        var course = ProtoConvert.ToId(courseId);
        var edition = ProtoConvert.ToId(editionId);
        violations.Check(course is null, "course_id", "must be a UUID");
        violations.Check(edition is null, "edition_id", "must be a UUID");
        if (throwNow) violations.ThrowIfAny();
        return (course ?? Guid.Empty, edition ?? Guid.Empty);
    }

    /// <summary>The plan, or null when a field is missing (the violations say which).</summary>
    public static EditionPlan? ToPlan(Contract.ScheduleEditionRequest request, FieldViolations violations)
    {
        var start = ProtoConvert.ToDateOnly(request.StartDate);
        var end = ProtoConvert.ToDateOnly(request.EndDate);
        var deadline = ProtoConvert.ToDateOnly(request.ApplicationDeadline);
        violations.Check(start is null, "start_date", "must be a full calendar date");
        if (violations.Check(end is null, "end_date", "must be a full calendar date") && start is not null)
            violations.Check(end < start, "end_date", "must not be before start_date");
        if (violations.Check(deadline is null, "application_deadline", "must be a full calendar date") && start is not null)
            violations.Check(deadline > start, "application_deadline", "must not be after start_date");
        violations.Check(request.Venue.Trim() is not { Length: >= 1 and <= Edition.MaxVenueLength }, "venue",
            $"is required and must be at most {Edition.MaxVenueLength} characters");
        var delivery = CourseMapping.Optional<Contract.DeliveryMode, DeliveryMode>(request.DeliveryMode, "delivery_mode", violations);
        violations.Check(request.DeliveryMode == Contract.DeliveryMode.Unspecified, "delivery_mode", "is required");
        violations.Check(!Edition.IsValidCapacity(request.Capacity), "capacity", $"must be 1-{Edition.MaxCapacity}");
        var fee = ToFee(request.Fee, violations);
        if (start is null || end is null || deadline is null || delivery is null || fee is null) return null;
        return new EditionPlan(start.Value, end.Value, request.Venue, delivery.Value, request.Capacity, fee.Value.Amount, fee.Value.Currency, deadline.Value);
    }

    private static (decimal Amount, string Currency)? ToFee(Google.Type.Money? fee, FieldViolations violations)
    {
        if (!violations.Check(fee is null, "fee", "is required (zero for a free edition)")) return null;
        var wellFormed = ProtoConvert.IsWellFormed(fee!) && Codelists.Currency.Allows(fee!.CurrencyCode.ToUpperInvariant());
        if (!violations.Check(!wellFormed, "fee", "must be well-formed money in a three-letter ISO 4217 currency")) return null;
        var amount = ProtoConvert.ToDecimal(fee!);
        return violations.Check(amount < 0, "fee", "must not be negative") ? (amount, fee!.CurrencyCode) : null;
    }

    public static Contract.Edition ToProto(Edition edition) => new()
    {
        Id = edition.Id.ToString(),
        CourseId = edition.CourseId.ToString(),
        StartDate = ProtoConvert.ToDate(edition.StartDate),
        EndDate = ProtoConvert.ToDate(edition.EndDate),
        Venue = edition.Venue,
        DeliveryMode = (Contract.DeliveryMode)(int)edition.DeliveryMode,
        Capacity = edition.Capacity,
        Fee = ProtoConvert.ToMoney(edition.Fee, edition.FeeCurrency),
        ApplicationDeadline = ProtoConvert.ToDate(edition.ApplicationDeadline),
        Status = (Contract.EditionStatus)(int)edition.Status,
        Enrolments = { edition.Enrolments.Select(ToProto) },
        Version = edition.Version,
        LinkedOutcomes = { edition.LinkedOutcomes.Select(ToProto) },
        RemovedLinks = { edition.RemovedLinks.Select(RemovedLinkMapping.ToProto) },
        ParticipantCounts =
        {
            edition.ParticipantCounts.Select(c => new Contract.PastParticipantCount
            {
                Sex = (Contract.Sex)(int)c.Sex,
                CountryCode = c.CountryCode,
                ConstituentGroup = (Contract.ConstituentGroup)(int)c.ConstituentGroup,
                Status = (Contract.EnrolmentStatus)(int)c.Status,
                Count = c.Count,
            }),
        },
    };

    public static Contract.OutcomeLink ToProto(OutcomeLink link) => new()
    {
        ProgrammeId = link.ProgrammeId.ToString(),
        OutcomeId = link.OutcomeId.ToString(),
        OutcomeCode = link.OutcomeCode,
        LinkedAt = ProtoConvert.ToTimestamp(link.LinkedAt),
    };

    private static Contract.Enrolment ToProto(Enrolment enrolment) => new()
    {
        Id = enrolment.Id.ToString(),
        ParticipantName = enrolment.ParticipantName,
        Sex = (Contract.Sex)(int)enrolment.Sex,
        CountryCode = enrolment.CountryCode,
        ConstituentGroup = (Contract.ConstituentGroup)(int)enrolment.ConstituentGroup,
        Organisation = enrolment.Organisation,
        Email = enrolment.Email,
        Status = (Contract.EnrolmentStatus)(int)enrolment.Status,
        AppliedAt = ProtoConvert.ToTimestamp(enrolment.AppliedAt),
        Fellowship = enrolment.Fellowship is { } f
            ? new Contract.Fellowship
            {
                PartnerId = f.PartnerId.ToString(), PartnerName = f.PartnerName, Amount = ProtoConvert.ToMoney(f.AmountUsd), AwardedAt = ProtoConvert.ToTimestamp(f.AwardedAt),
            }
            : null,
    };
}
