using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>The Delivering-as-One report: the organisation's roles per pilot, with the Toolkit assessments done there.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.DeliveringAsOneSummary> SummariseDeliveringAsOnePilots(Contract.SummariseDeliveringAsOnePilotsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        // Read whole, so the totals cover every page. Bounded by the world, not by use: one pilot per
        // country at most (a unique index; eight pilots, about 30 countries adopting the approach) and
        // one Toolkit assessment per agency and scope (unique too; tens of agencies). Not bucketed.
        var pilots = await Pilots.ReadAllAsync(Filter.All<DeliveringAsOnePilot>(), new SortOrder<DeliveringAsOnePilot>(p => p.CountryCode), context.CancellationToken);
        var assessments = await ToolkitAssessments.ReadAllAsync(Filter.All<ToolkitAssessment>(), new SortOrder<ToolkitAssessment>(a => a.SortKey), context.CancellationToken);
        var report = DeliveringAsOneReport.Summarise(pilots, assessments);
        var (shown, total, next) = page.Of(report.Pilots, p => p.CountryCode);
        var response = new Contract.DeliveringAsOneSummary
        {
            NextPageToken = next,
            TotalSize = total,
            ChairCount = report.ChairCount,
            CoChairCount = report.CoChairCount,
            LeadCount = report.LeadCount,
            MemberCount = report.MemberCount,
            ToolkitAssessmentCompletedCount = report.ToolkitAssessmentCompletedCount,
        };
        response.Pilots.AddRange(shown.Select(p => new Contract.PilotRoles
        {
            CountryCode = p.CountryCode,
            PilotSinceYear = p.PilotSinceYear,
            ChairedGroups = { p.Chaired },
            CoChairedGroups = { p.CoChaired },
            LedGroups = { p.Led },
            MemberGroups = { p.MemberOf },
            ToolkitAssessmentCompleted = p.ToolkitAssessmentCompleted,
        }));
        return response;
    }
}
