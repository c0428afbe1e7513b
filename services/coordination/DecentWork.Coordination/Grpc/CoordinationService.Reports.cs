using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
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

        var undafs = await AllUndafsAsync(context.CancellationToken);
        var programmeCounts = await ProgrammeCountsAsync(context.CancellationToken);
        var countries = undafs.Select(u => u.CountryCode).Union(programmeCounts.Keys)
            .Where(code => country is null || code == country.Code).Order(StringComparer.Ordinal).ToList();
        var (codes, total, next) = page.Of(countries, code => code);
        // Only the page's countries are joined; each row depends on its own country's records alone.
        var onPage = codes.ToHashSet(StringComparer.Ordinal);
        var undafsOnPage = undafs.Where(u => onPage.Contains(u.CountryCode)).ToList();
        var shown = CoverageReports.Coherence(undafsOnPage, await LinkedProgrammesAsync(undafsOnPage, context.CancellationToken),
            programmeCounts.Where(c => onPage.Contains(c.Key)).ToDictionary(StringComparer.Ordinal), await AllPresencesAsync(context.CancellationToken));
        var programmeIds = await ProgrammeIdsAsync(codes, request.OmitProgrammeIds, context.CancellationToken);
        var response = new Contract.ListCountryCoherenceResponse { NextPageToken = next, TotalSize = total };
        response.Countries.AddRange(shown.Select(r => new Contract.CountryCoherence
        {
            CountryCode = r.CountryCode,
            UndafIds = { r.Undafs.Select(u => u.Id.ToString()) },
            LatestUndafStatus = r.LatestUndaf() is { } latest ? UndafMapping.ToProto(latest.Status) : Contract.UndafStatus.Unspecified,
            ProgrammeIds = { ProgrammeIdsOf(programmeIds, r.CountryCode) },
            ProgrammeCount = ProgrammeCountOf(programmeIds, programmeCounts, r.CountryCode),
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

        var undafs = await AllUndafsAsync(context.CancellationToken);
        var linked = await LinkedProgrammesAsync(undafs.Where(u => u.Status == UndafStatus.Active), context.CancellationToken);
        var rows = CoverageReports.Gaps(undafs, linked, await AllPresencesAsync(context.CancellationToken));
        var (gaps, total, next) = page.Of(rows, r => $"{CoverageReports.PresenceRank(r.Presence)}|{r.CountryCode}");
        // The rows list every programme of their country: read from the page's countries' buckets
        // only; the count buckets are read only when the ids are not (the ids' own count otherwise).
        var programmeCounts = request.OmitProgrammeIds ? await ProgrammeCountsAsync(context.CancellationToken) : [];
        var programmeIds = await ProgrammeIdsAsync(gaps.Select(r => r.CountryCode), request.OmitProgrammeIds, context.CancellationToken);
        var response = new Contract.ListDecentWorkGapsResponse { NextPageToken = next, TotalSize = total };
        response.Countries.AddRange(gaps.Select(r => new Contract.DecentWorkGap
        {
            CountryCode = r.CountryCode,
            ActiveUndafIds = { r.ActiveUndafs.Select(u => u.Id.ToString()) },
            Presence = ToProto(r.Presence),
            ProgrammeIds = { ProgrammeIdsOf(programmeIds, r.CountryCode) },
            ProgrammeCount = ProgrammeCountOf(programmeIds, programmeCounts, r.CountryCode),
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListCountryProgrammesResponse> ListCountryProgrammes(Contract.ListCountryProgrammesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        // The country's id bucket, paged by each programme's place in it: no programme document read.
        var (programmes, total, next) = page.Of(await ProgrammesOfAsync(country!.Code, context.CancellationToken), p => p.Place);
        return new Contract.ListCountryProgrammesResponse
        {
            Programmes = { programmes.Select(p => new Contract.CountryProgramme { ProgrammeId = p.Id.ToString() }) }, NextPageToken = next, TotalSize = total,
        };
    }
}
