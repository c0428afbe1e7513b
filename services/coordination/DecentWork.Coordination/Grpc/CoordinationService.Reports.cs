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
        var withProgramme = await CountriesWithProgrammesAsync(context.CancellationToken);
        var countries = undafs.Select(u => u.CountryCode).Union(withProgramme)
            .Where(code => country is null || code == country.Code).Order(StringComparer.Ordinal).ToList();
        var (codes, total, next) = page.Of(countries, code => code);
        // Only the page's countries are joined; each row depends on its own country's records alone.
        var onPage = codes.ToHashSet(StringComparer.Ordinal);
        var shown = CoverageReports.Coherence([.. undafs.Where(u => onPage.Contains(u.CountryCode))],
            await ProgrammesInAsync(onPage, context.CancellationToken), await AllPresencesAsync(context.CancellationToken));
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

        var undafs = await AllUndafsAsync(context.CancellationToken);
        var linked = await LinkedProgrammesAsync(undafs.Where(u => u.Status == UndafStatus.Active), context.CancellationToken);
        var rows = CoverageReports.Gaps(undafs, linked, await AllPresencesAsync(context.CancellationToken));
        var (gaps, total, next) = page.Of(rows, r => $"{CoverageReports.PresenceRank(r.Presence)}|{r.CountryCode}");
        // The rows list every programme of their country: read for the page's countries only.
        var programmesOf = (await ProgrammesInAsync([.. gaps.Select(r => r.CountryCode)], context.CancellationToken)).ToLookup(p => p.CountryCode);
        var shown = gaps.Select(r => r with { Programmes = [.. programmesOf[r.CountryCode]] });
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
}
