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
        var history = await HistoryOfAsync(programme, context.CancellationToken);
        var response = new Contract.GetProgrammeHistoryResponse
        {
            NextPageToken = page.NextToken(history.Count),
            TotalSize = history.Count,
        };
        response.Entries.AddRange(history.Skip(page.Skip).Take(page.Size).Select(ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportProgrammesByStatusResponse> ReportProgrammesByStatus(Contract.ReportProgrammesByStatusRequest request, ServerCallContext context)
    {
        var all = await ReportedProgrammesAsync(request.Region, "", Contract.ProgrammeStatus.Unspecified, new FieldViolations(), context);
        var response = new Contract.ReportProgrammesByStatusResponse
        {
            TotalProgrammes = all.Count,
            InPreparationCount = all.Count(p => p.IsInPreparation()),
        };
        response.ApprovalsByYear.AddRange(all
            .Where(p => p.ApprovedOn is not null)
            .GroupBy(p => p.ApprovedOn!.Value.Year)
            .OrderBy(g => g.Key)
            .Select(g => new Contract.ApprovalYearCount { Year = g.Key, ProgrammeCount = g.Count() }));
        response.Rows.AddRange(all
            .GroupBy(p => (p.Status, p.Region, Year: p.ApprovedOn?.Year ?? 0))
            .OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Region).ThenBy(g => g.Key.Year)
            .Select(g => new Contract.ProgrammeStatusCount
            {
                Status = (Contract.ProgrammeStatus)g.Key.Status,
                Region = (Contract.IloRegion)g.Key.Region,
                ApprovalYear = g.Key.Year,
                ProgrammeCount = g.Count(),
            }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportOutcomesByStrategicObjectiveResponse> ReportOutcomesByStrategicObjective(
        Contract.ReportOutcomesByStrategicObjectiveRequest request, ServerCallContext context)
    {
        var all = await ReportedProgrammesAsync(request.Region, request.Country, Contract.ProgrammeStatus.Unspecified, new FieldViolations(), context);
        var funding = await AllFundingAsync(context.CancellationToken);
        var outcomes = all.SelectMany(p => p.Outcomes.Where(o => !o.Withdrawn)
            .Select(o => (o.StrategicObjective, o.ResourceNeedUsd, MobilisedUsd: FundingIn(funding, p.Id).MobilisedFor(o.Id)))).ToList();
        var response = new Contract.ReportOutcomesByStrategicObjectiveResponse();
        foreach (var objective in Enum.GetValues<StrategicObjective>())
        {
            var serving = outcomes.Where(o => o.StrategicObjective == objective).ToList();
            var need = serving.Sum(o => o.ResourceNeedUsd);
            var mobilised = serving.Sum(o => o.MobilisedUsd);
            response.Rows.Add(new Contract.StrategicObjectiveTotal
            {
                StrategicObjective = (Contract.StrategicObjective)objective,
                OutcomeCount = serving.Count,
                ResourceNeed = ProtoConvert.ToMoney(need),
                FundingMobilised = ProtoConvert.ToMoney(mobilised),
                FundingGap = ProtoConvert.ToMoney(need - mobilised),
            });
        }
        return response;
    }

    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportConsultationParticipationResponse> ReportConsultationParticipation(
        Contract.ReportConsultationParticipationRequest request, ServerCallContext context)
    {
        var all = await ReportedProgrammesAsync(request.Region, request.Country, Contract.ProgrammeStatus.Unspecified, new FieldViolations(), context);
        var consultations = all.SelectMany(p => p.Consultations).ToList();
        var committees = all.Where(p => p.SteeringCommittee is not null).Select(p => p.SteeringCommittee!).ToList();
        var response = new Contract.ReportConsultationParticipationResponse
        {
            ConsultationCount = consultations.Count,
            ProgrammeCount = all.Count(p => p.Consultations.Count > 0),
            CommitteeCount = committees.Count,
        };
        response.Rows.AddRange(ByGroup(consultations.Select(c => c.Participants)));
        response.CommitteeMembers.AddRange(ByGroup(committees.Select(c => c.Members)));
        return response;
    }

    /// <summary>Women and men per group over meetings or committees; a group appears at most once in each.</summary>
    private static IEnumerable<Contract.GroupParticipation> ByGroup(IEnumerable<List<Participation>> gatherings)
    {
        var people = gatherings.SelectMany(g => g).ToList();
        return Enum.GetValues<ConstituentGroup>().Select(group =>
        {
            var present = people.Where(p => p.Group == group).ToList();
            return new Contract.GroupParticipation
            {
                Group = (Contract.ConstituentGroup)group,
                Women = present.Sum(p => p.Women),
                Men = present.Sum(p => p.Men),
                ConsultationCount = present.Count,
            };
        });
    }

    /// <summary>
    /// The programmes a report covers: every one the caller may see in the region, country and
    /// status asked for (unset = any), after checking those filters with the request's other fields. The whole DWCP
    /// portfolio is a few hundred programmes, so counting in memory is cheaper than keeping report
    /// views up to date.
    /// </summary>
    private async Task<List<Programme>> ReportedProgrammesAsync(Contract.IloRegion requestedRegion, string requestedCountry,
        Contract.ProgrammeStatus requestedStatus, FieldViolations violations, ServerCallContext context)
    {
        violations.Check(!Enum.IsDefined(requestedRegion), "region", "is not a known region");
        var country = violations.OptionalCountry(requestedCountry, "country");
        violations.Check(!Enum.IsDefined(requestedStatus), "status", "is not a known status");
        violations.ThrowIfAny();

        var region = (IloRegion)requestedRegion;
        var status = (ProgrammeStatus)requestedStatus;
        return await programmes.ReadAllAsync(Filter.All(
            VisibleTo(Caller.From(context)),
            region == 0 ? null : p => p.Region == region,
            country is null ? null : p => p.CountryCode == country.Code,
            status == 0 ? null : p => p.Status == status), new SortOrder<Programme>(p => p.SortKey), context.CancellationToken);
    }
}
