using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>What the projection-backed reports read: the buckets of the countries the caller may see.</summary>
public sealed partial class ProgrammingService
{
    /// <summary>
    /// A projection's buckets keyed "{country}|{region}|…" in the region and country asked for
    /// (unset = any) that the caller may see: one range read per country for a caller scoped to
    /// countries (a token naming none sees nothing), one read of the whole projection otherwise.
    /// The number of buckets depends on countries, statuses and years, not on the programmes.
    /// </summary>
    private async Task<List<Bucket>> ReportBucketsAsync(string projection, Contract.IloRegion requestedRegion, string requestedCountry, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(!Enum.IsDefined(requestedRegion), "region", "is not a known region");
        var country = violations.OptionalCountry(requestedCountry, "country");
        violations.ThrowIfAny();

        var scope = Caller.From(context).CountryScope(GlobalRoles);
        IEnumerable<string?> countries = country is not null ? [country.Code] : scope is null ? [null] : scope;
        var found = new List<Bucket>();
        foreach (var code in countries)
        {
            if (code is not null && scope is not null && !scope.Contains(code)) continue;
            found.AddRange(await projections.ReadAsync(projection,
                BucketRange.Prefix(code is null ? "" : code + BucketKey.Separator), context.CancellationToken));
        }
        var region = (IloRegion)requestedRegion;
        return region == 0 ? found : found.Where(b => int.Parse(b.Parts[1]) == (int)region).ToList();
    }
}
