using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>History and reports. Plain reads: straight from the store, no aggregate method.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesRead)]
    public override async Task<Contract.GetProgrammeHistoryResponse> GetProgrammeHistory(Contract.GetProgrammeHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(id is null, "programme_id", "must be a UUID");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var programme = await FindVisibleAsync(id!.Value, request.ProgrammeId, Caller.From(context), context.CancellationToken);
        var history = await HistoryWithFieldChangesAsync(programme, context.CancellationToken);
        var (entries, total, next) = page.Of(history, e => e.Key);
        var response = new Contract.GetProgrammeHistoryResponse { NextPageToken = next, TotalSize = total };
        response.Entries.AddRange(entries.Select(e => e.Entry));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportProgrammesByStatusResponse> ReportProgrammesByStatus(Contract.ReportProgrammesByStatusRequest request, ServerCallContext context)
    {
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        var buckets = await ReportBucketsAsync(ProgrammesByStatusProjection.ProjectionName, request.Region, "", context);
        var report = ProgrammesByStatusReport.From(inGroup is null ? buckets : buckets.Where(b => inGroup(ProgrammesByStatusProjection.CountryOf(b), ProgrammesByStatusProjection.ApprovalYearOf(b))));
        var response = new Contract.ReportProgrammesByStatusResponse
        {
            TotalProgrammes = report.TotalProgrammes,
            InPreparationCount = report.InPreparationCount,
        };
        response.ApprovalsByYear.AddRange(report.ApprovalsByYear.Select(y => new Contract.ApprovalYearCount { Year = y.Year, ProgrammeCount = y.ProgrammeCount }));
        response.Rows.AddRange(report.Rows.Select(r => new Contract.ProgrammeStatusCount
        {
            Status = (Contract.ProgrammeStatus)r.Status,
            Region = (Contract.IloRegion)r.Region,
            ApprovalYear = r.ApprovalYear,
            ProgrammeCount = r.ProgrammeCount,
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportOutcomesByStrategicObjectiveResponse> ReportOutcomesByStrategicObjective(
        Contract.ReportOutcomesByStrategicObjectiveRequest request, ServerCallContext context)
    {
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        var (need, funding) = await FundingGroupBucketsAsync(request.Region, request.Country, inGroup, context);
        var response = new Contract.ReportOutcomesByStrategicObjectiveResponse();
        response.Rows.AddRange(StrategicObjectiveFundingReport.From(need, funding).Select(row => new Contract.StrategicObjectiveTotal
        {
            StrategicObjective = (Contract.StrategicObjective)row.StrategicObjective,
            OutcomeCount = row.OutcomeCount,
            ResourceNeed = ProtoConvert.ToMoney(row.ResourceNeedUsd),
            FundingMobilised = ProtoConvert.ToMoney(row.FundingMobilisedUsd),
            FundingGap = ProtoConvert.ToMoney(row.ResourceNeedUsd - row.FundingMobilisedUsd),
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportConsultationParticipationResponse> ReportConsultationParticipation(
        Contract.ReportConsultationParticipationRequest request, ServerCallContext context)
    {
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        var buckets = await ReportBucketsAsync(ConsultationParticipationProjection.ProjectionName, request.Region, request.Country, context);
        // The buckets are per country, not per year: the group is the one of the day asked for, or today's.
        var report = ConsultationParticipationReport.From(inGroup is null ? buckets : [.. buckets.Where(b => inGroup(b.Parts[0], 0))]);
        var response = new Contract.ReportConsultationParticipationResponse
        {
            ConsultationCount = report.ConsultationCount,
            ProgrammeCount = report.ProgrammeCount,
            CommitteeCount = report.CommitteeCount,
        };
        response.Rows.AddRange(report.Consultations.Select(ToProto));
        response.CommitteeMembers.AddRange(report.CommitteeMembers.Select(ToProto));
        return response;
    }

    private static Contract.GroupParticipation ToProto(GroupTotal total) => new()
    {
        Group = (Contract.ConstituentGroup)total.Group, Women = total.Women, Men = total.Men, ConsultationCount = total.Gatherings,
    };

    /// <summary>
    /// The condition a report's programmes meet: every one the caller may see in the region,
    /// country and status asked for (unset = any), after checking those filters with the request's
    /// other fields. For the reports that read one keyed page of programmes.
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Programme, bool>> ReportFilter(Contract.IloRegion requestedRegion, string requestedCountry,
        Contract.ProgrammeStatus requestedStatus, FieldViolations violations, ServerCallContext context)
    {
        violations.Check(!Enum.IsDefined(requestedRegion), "region", "is not a known region");
        var country = violations.OptionalCountry(requestedCountry, "country");
        violations.Check(!Enum.IsDefined(requestedStatus), "status", "is not a known status");
        violations.ThrowIfAny();

        var region = (IloRegion)requestedRegion;
        var status = (ProgrammeStatus)requestedStatus;
        return Filter.All(
            VisibleTo(Caller.From(context)),
            region == 0 ? null : p => p.Region == region,
            country is null ? null : p => p.CountryCode == country.Code,
            status == 0 ? null : p => p.Status == status,
            // Discarded drafts are left out of every report unless their status is asked for.
            status == ProgrammeStatus.Discarded ? null : p => p.Status != ProgrammeStatus.Discarded);
    }
}
