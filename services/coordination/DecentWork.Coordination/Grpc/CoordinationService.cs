using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// Maps proto requests to the aggregates and the coverage reads, and back; rules live in the
/// aggregates. Split by area: UNDAFs here; links, presence, reports, joint programmes, Delivering as One,
/// Toolkit assessments and crisis responses in the other parts.
/// </summary>
public sealed partial class CoordinationService(
    IAggregateStore<Undaf> undafs, IAggregateStore<KnownProgramme> programmes, IAggregateStore<CountryPresence> presences,
    IAggregateStore<JointProgramme> jointProgrammes, IAggregateStore<DeliveringAsOnePilot> pilots,
    IAggregateStore<ToolkitAssessment> toolkitAssessments, IAggregateStore<CrisisResponse> crisisResponses, TimeProvider clock,
    IAggregateStore<Domain.CountryStatus> countryStatuses, IProjectionReader projections)
    : Contract.CoordinationService.CoordinationServiceBase
{
    // The other parts of this class reach the constructor's parameters through these.
    private IAggregateStore<Undaf> Undafs => undafs;
    private IAggregateStore<KnownProgramme> Programmes => programmes;
    private IAggregateStore<CountryPresence> Presences => presences;
    private IAggregateStore<JointProgramme> JointProgrammes => jointProgrammes;
    private IAggregateStore<DeliveringAsOnePilot> Pilots => pilots;
    private IAggregateStore<ToolkitAssessment> ToolkitAssessments => toolkitAssessments;
    private IAggregateStore<CrisisResponse> CrisisResponses => crisisResponses;
    private TimeProvider Clock => clock;

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
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
        var outcomes = UndafMapping.Outcomes(request.Outcomes, violations);
        var status = UndafMapping.ToDomain(request.Status);
        violations.Check(request.Status != Contract.UndafStatus.Unspecified && status is null, "status", "is not an UNDAF status");
        violations.ThrowIfAny();

        // A lookup first gives a message that names the clash; the unique index still guards a race.
        var key = Undaf.KeyFor(country!, start, end);
        var existing = await undafs.QueryAsync(u => u.CountryCycleKey == key, new SortOrder<Undaf>(u => u.SortKey), 0, 1, context.CancellationToken);
        if (existing.Count > 0)
            throw new AlreadyExistsException($"{country!.Code} already has an UNDAF for {start}-{end}: {existing[0].Id}.");

        var undaf = Undaf.Register(country!, start, end, clock.GetUtcNow(), outcomes, status ?? UndafStatus.InPreparation, request.DecentWorkSpecificObjective);
        await undafs.SaveAsync(undaf, cancellationToken: context.CancellationToken);
        return ToProto(undaf);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.Undaf> GetUndaf(Contract.GetUndafRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var undaf = await undafs.FindAsync(id, context.CancellationToken)
            ?? throw new NotFoundException("UNDAF", request.Id);
        return ToProto(undaf);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListUndafsResponse> ListUndafs(Contract.ListUndafsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var country = violations.OptionalCountry(request.Country, "country");
        violations.ThrowIfAny();

        var filter = Filter.All<Undaf>(country is null ? null : u => u.CountryCode == country.Code);
        var (found, total, nextPageToken) = await undafs.PageAsync(filter, new SortOrder<Undaf>(u => u.SortKey), page, context.CancellationToken);
        var response = new Contract.ListUndafsResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.Undafs.AddRange(found.Select(ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListCountryCoverageResponse> ListCountryCoverage(Contract.ListCountryCoverageRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        // Countries with both an UNDAF and a DWCP (CoverageReads: no programme document read).
        var undafsOf = (await AllUndafsAsync(context.CancellationToken)).ToLookup(u => u.CountryCode);
        var programmeCounts = await ProgrammeCountsAsync(context.CancellationToken);
        var covered = undafsOf.Select(g => g.Key).Where(programmeCounts.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var (codes, total, next) = page.Of(covered, code => code);
        var programmeIds = await ProgrammeIdsAsync(codes, request.OmitProgrammeIds, context.CancellationToken);
        var response = new Contract.ListCountryCoverageResponse { NextPageToken = next, TotalSize = total };
        response.Countries.AddRange(codes.Select(code => new Contract.CountryCoverage
        {
            CountryCode = code,
            UndafIds = { undafsOf[code].Select(u => u.Id.ToString()) },
            ProgrammeIds = { ProgrammeIdsOf(programmeIds, code) },
            ProgrammeCount = ProgrammeCountOf(programmeIds, programmeCounts, code),
        }));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.Undaf> ChangeUndafStatus(Contract.ChangeUndafStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var status = UndafMapping.ToDomain(request.Status);
        violations.Check(status is null, "status", "is required and must be an UNDAF status");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // The same status again changes nothing, so nothing is saved and the version stays put.
        var undaf = await undafs.ChangeAsync(id!.Value, "UNDAF", request.ExpectedVersion, u => u.ChangeStatus(status!.Value), context.CancellationToken);
        return ToProto(undaf);
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.Undaf> AddUndafOutcome(Contract.AddUndafOutcomeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.UndafId);
        violations.Check(id is null, "undaf_id", "must be a UUID");
        var outcome = request.Outcome ?? new Contract.UndafOutcome();
        violations.Check(!UndafOutcome.IsValidCode(outcome.Code), "outcome.code", $"is required: 1-{UndafOutcome.MaxCodeLength} letters, digits, dots or dashes");
        violations.Check(!UndafOutcome.IsValidStatement(outcome.Statement), "outcome.statement", $"is required and must be at most {UndafOutcome.MaxStatementLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var undaf = await undafs.ChangeAsync(id!.Value, "UNDAF", request.ExpectedVersion, u =>
        {
            // A clash is a resource that exists, not a broken rule: the caller picks another code.
            if (u.HasOutcome(outcome.Code))
                throw new AlreadyExistsException($"UNDAF {u.Id} already has outcome '{outcome.Code}'.");
            u.AddOutcome(new UndafOutcome { Code = outcome.Code, Statement = outcome.Statement });
            return true;
        }, context.CancellationToken);
        return ToProto(undaf);
    }

    internal static Contract.Undaf ToProto(Undaf undaf) => new()
    {
        Id = undaf.Id.ToString(),
        CountryCode = undaf.CountryCode,
        CycleStartYear = undaf.CycleStartYear,
        CycleEndYear = undaf.CycleEndYear,
        RegisteredAt = ProtoConvert.ToTimestamp(undaf.RegisteredAt),
        Version = undaf.Version,
        Outcomes = { undaf.Outcomes.Select(o => new Contract.UndafOutcome { Code = o.Code, Statement = o.Statement }) },
        Status = UndafMapping.ToProto(undaf.Status),
        DecentWorkSpecificObjective = undaf.DecentWorkSpecificObjective,
        OutcomeLinks =
        {
            undaf.Links.Select(l => new Contract.OutcomeLink
            {
                UndafOutcomeCode = l.UndafOutcomeCode,
                ProgrammeId = l.ProgrammeId.ToString(),
                ProgrammeOutcomeId = l.ProgrammeOutcomeId.ToString(),
                LinkedAt = ProtoConvert.ToTimestamp(l.LinkedAt),
            }),
        },
        RemovedOutcomeLinks = { undaf.RemovedLinks.Select(ToProto) },
    };
}
