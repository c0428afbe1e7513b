using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Grpc;

public sealed partial class TrainingService
{
    [Authorize(Policy = AccessPolicies.TrainingWrite)]
    public override async Task<Contract.Edition> AwardFellowship(Contract.AwardFellowshipRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (courseId, editionId) = EditionMapping.RequireIds(request.CourseId, request.EditionId, violations, throwNow: false);
        var enrolmentId = ProtoConvert.ToId(request.EnrolmentId);
        violations.Check(enrolmentId is null, "enrolment_id", "must be a UUID");
        var partnerId = ProtoConvert.ToId(request.PartnerId);
        violations.Check(partnerId is null, "partner_id", "must be a UUID");
        var amount = request.Amount is { } money && ProtoConvert.IsWellFormed(money) && money.CurrencyCode == "USD" ? ProtoConvert.ToDecimal(money) : 0;
        violations.Check(amount <= 0, "amount", "must be more than zero, in USD");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var partner = await _partners.FindAsync(partnerId!.Value, context.CancellationToken)
            ?? throw new NotKnownYetException("Partner", partnerId.Value,
                $"Training has not heard of partner '{partnerId.Value}': it may not be registered, or its registration has not reached training yet.");
        var edition = await UpdateEditionAsync(courseId, editionId, request.ExpectedVersion, e =>
        {
            e.AwardFellowship(enrolmentId!.Value, partner, amount, _clock.GetUtcNow());
            return true;
        }, context.CancellationToken);
        return EditionMapping.ToProto(edition);
    }

    [Authorize(Policy = AccessPolicies.TrainingReport)]
    public override async Task<Contract.FellowshipReport> GetFellowshipReport(Contract.GetFellowshipReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (from, to) = CheckPeriod(request.FromYear, request.ToYear, violations);
        violations.ThrowIfAny();

        var totals = FellowshipTotal.From(await projections.ReadAsync(EditionTotals.ProjectionName,
            EditionTotals.FellowshipsBetween(from, to), context.CancellationToken));
        var names = new Dictionary<Guid, string>();
        foreach (var partnerId in totals.Select(t => t.PartnerId).Distinct())
            names[partnerId] = (await _partners.FindAsync(partnerId, context.CancellationToken))?.Name ?? "";
        var report = new Contract.FellowshipReport();
        report.Years.AddRange(FellowshipReport.Count(totals, id => names[id], from, to).Select(y => new Contract.FellowshipYear
        {
            Year = y.Year,
            Fellowships = y.Fellowships,
            Amount = ProtoConvert.ToMoney(y.AmountUsd),
            ByPartner =
            {
                y.ByPartner.Select(p => new Contract.PartnerFellowships
                {
                    PartnerId = p.PartnerId.ToString(), PartnerName = p.PartnerName, Fellowships = p.Fellowships, Amount = ProtoConvert.ToMoney(p.AmountUsd),
                }),
            },
        }));
        return report;
    }
}
