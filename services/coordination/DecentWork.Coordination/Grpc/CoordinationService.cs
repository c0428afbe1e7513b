using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Maps proto requests to the Undaf aggregate and the coverage read, and back; rules live in the aggregate.</summary>
public sealed class CoordinationService(IAggregateStore<Undaf> undafs, IAggregateStore<KnownProgramme> programmes, TimeProvider clock)
    : Contract.CoordinationService.CoordinationServiceBase
{
    public override async Task<Contract.Undaf> RegisterUndaf(Contract.RegisterUndafRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        var start = request.CycleStartYear;
        var end = request.CycleEndYear;
        var startValid = violations.Check(start is < Undaf.FirstStartYear or > Undaf.LastStartYear,
            "cycle_start_year", $"is required and must be {Undaf.FirstStartYear}-{Undaf.LastStartYear}");
        violations.Check(end == 0, "cycle_end_year", "is required");
        // The end is judged against the start only when there is a valid start to judge it by.
        violations.Check(startValid && end != 0 && end < start, "cycle_end_year", "must not be before cycle_start_year");
        violations.Check(startValid && end > start + Undaf.MaxCycleYears, "cycle_end_year", $"must be at most {Undaf.MaxCycleYears} years after cycle_start_year");
        violations.ThrowIfAny();

        // A lookup first gives a message that names the clash; the unique index still guards a race.
        var key = Undaf.KeyFor(country!, start, end);
        var existing = await undafs.QueryAsync(u => u.CountryCycleKey == key, new SortOrder<Undaf>(u => u.SortKey), 0, 1, context.CancellationToken);
        if (existing.Count > 0)
            throw new AlreadyExistsException($"{country!.Code} already has an UNDAF for {start}-{end}: {existing[0].Id}.");

        var undaf = Undaf.Register(country!, start, end, clock.GetUtcNow());
        await undafs.SaveAsync(undaf, cancellationToken: context.CancellationToken);
        return ToProto(undaf);
    }

    public override async Task<Contract.Undaf> GetUndaf(Contract.GetUndafRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var undaf = await undafs.FindAsync(id, context.CancellationToken)
            ?? throw new NotFoundException("UNDAF", request.Id);
        return ToProto(undaf);
    }

    public override async Task<Contract.ListUndafsResponse> ListUndafs(Contract.ListUndafsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var country = violations.OptionalCountry(request.Country, "country");
        violations.ThrowIfAny();

        var filter = Filter.All<Undaf>(country is null ? null : u => u.CountryCode == country.Code);
        var total = await undafs.CountAsync(filter, context.CancellationToken);
        var found = await undafs.QueryAsync(filter, new SortOrder<Undaf>(u => u.SortKey), page.Skip, page.Size, context.CancellationToken);
        var response = new Contract.ListUndafsResponse { NextPageToken = page.NextToken(total), TotalSize = (int)total };
        response.Undafs.AddRange(found.Select(ToProto));
        return response;
    }

    public override async Task<Contract.ListCountryCoverageResponse> ListCountryCoverage(Contract.ListCountryCoverageRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var covered = await CountryCoverage.ReadAsync(undafs, programmes, context.CancellationToken);
        var response = new Contract.ListCountryCoverageResponse { NextPageToken = page.NextToken(covered.Count), TotalSize = covered.Count };
        response.Countries.AddRange(covered.Skip(page.Skip).Take(page.Size).Select(c => new Contract.CountryCoverage
        {
            CountryCode = c.CountryCode,
            UndafIds = { c.UndafIds.Select(id => id.ToString()) },
            ProgrammeIds = { c.ProgrammeIds.Select(id => id.ToString()) },
        }));
        return response;
    }

    internal static Contract.Undaf ToProto(Undaf undaf) => new()
    {
        Id = undaf.Id.ToString(),
        CountryCode = undaf.CountryCode,
        CycleStartYear = undaf.CycleStartYear,
        CycleEndYear = undaf.CycleEndYear,
        RegisteredAt = ProtoConvert.ToTimestamp(undaf.RegisteredAt),
        Version = undaf.Version,
    };
}
