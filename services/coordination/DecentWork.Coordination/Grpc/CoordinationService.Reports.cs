using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>The coverage reports: coherence per country and where decent work is missing.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListCountryCoherenceResponse> ListCountryCoherence(Contract.ListCountryCoherenceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var country = violations.OptionalCountry(request.Country, "country");
        violations.ThrowIfAny();

        var (all, programmes, presences) = await ReadCoverageAsync(context.CancellationToken);
        var rows = CoverageReports.Coherence(all, programmes, presences).Where(r => country is null || r.CountryCode == country.Code).ToList();
        var (shown, total, next) = page.Of(rows, r => r.CountryCode);
        var response = new Contract.ListCountryCoherenceResponse { NextPageToken = next, TotalSize = total };
        response.Countries.AddRange(shown.Select(r => new Contract.CountryCoherence
        {
            CountryCode = r.CountryCode,
            UndafIds = { r.Undafs.Select(u => u.Id.ToString()) },
            LatestUndafStatus = r.LatestUndaf() is { } latest ? UndafMapping.ToProto(latest.Status) : Contract.UndafStatus.Unspecified,
            ProgrammeIds = { r.Programmes.Select(p => p.Id.ToString()) },
            LinkedOutcomeCount = r.LinkedOutcomeCount,
            DecentWorkSpecificObjective = r.LatestUndaf()?.DecentWorkSpecificObjective ?? false,
            Presence = ToProto(r.Presence),
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListDecentWorkGapsResponse> ListDecentWorkGaps(Contract.ListDecentWorkGapsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var (all, programmes, presences) = await ReadCoverageAsync(context.CancellationToken);
        var rows = CoverageReports.Gaps(all, programmes, presences);
        var (shown, total, next) = page.Of(rows, r => $"{CoverageReports.PresenceRank(r.Presence)}|{r.CountryCode}");
        var response = new Contract.ListDecentWorkGapsResponse { NextPageToken = next, TotalSize = total };
        response.Countries.AddRange(shown.Select(r => new Contract.DecentWorkGap
        {
            CountryCode = r.CountryCode,
            ActiveUndafIds = { r.ActiveUndafs.Select(u => u.Id.ToString()) },
            Presence = ToProto(r.Presence),
            ProgrammeIds = { r.Programmes.Select(p => p.Id.ToString()) },
        }));
        return response;
    }

    private async Task<(List<Undaf>, List<KnownProgramme>, List<CountryPresence>)> ReadCoverageAsync(CancellationToken cancellationToken) => (
        await Undafs.ReadAllAsync(Filter.All<Undaf>(), new SortOrder<Undaf>(u => u.SortKey), cancellationToken),
        await Programmes.ReadAllAsync(Filter.All<KnownProgramme>(), new SortOrder<KnownProgramme>(p => p.SortKey), cancellationToken),
        await Presences.ReadAllAsync(Filter.All<CountryPresence>(), new SortOrder<CountryPresence>(p => p.CountryCode), cancellationToken));
}
