using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Participatory gender audits with the constituents of a country, and the programmes they inform.</summary>
public sealed partial class ProgrammingService
{
    private const string GenderAuditResource = "Gender audit";

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override async Task<Contract.GenderAudit> RecordGenderAudit(Contract.RecordGenderAuditRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var country = violations.RequireCountry(request.CountryCode, "country_code");
        RequireText(violations, request.Title, "title", GenderAudit.MaxTitleLength);
        var heldOn = ProtoConvert.ToDateOnly(request.HeldOn);
        violations.Check(heldOn is null, "held_on", "is required and must be a full calendar date");
        var participants = People(violations, request.Participants, "participants");
        violations.Check(request.Findings.Count > GenderAudit.MaxFindings, "findings", $"must have at most {GenderAudit.MaxFindings} findings");
        for (var i = 0; i < request.Findings.Count && i < GenderAudit.MaxFindings; i++) CheckFinding(request.Findings[i], $"findings[{i}]", violations);
        violations.Check(request.ProgrammeIds.Count > GenderAudit.MaxProgrammes, "programme_ids", $"must have at most {GenderAudit.MaxProgrammes} programmes");
        var programmeIds = new List<Guid>();
        for (var i = 0; i < request.ProgrammeIds.Count && i < GenderAudit.MaxProgrammes; i++)
            if (violations.Check(ProtoConvert.ToId(request.ProgrammeIds[i]) is null, $"programme_ids[{i}]", "must be a UUID"))
                programmeIds.Add(ProtoConvert.ToId(request.ProgrammeIds[i])!.Value);
        violations.CheckOptionalRequestId(request.RequestId);
        violations.ThrowIfAny();

        var caller = EnsureMayWriteIn(country!, context, "gender audits");
        // A repeat is answered before the programmes are checked: the first call's audit, as it stands now.
        if (await FindAuditByRequestIdAsync(request.RequestId, context.CancellationToken) is { } first)
            return ToProto(first.AnswerRepeat(country!, request.Title, heldOn!.Value));
        var change = new Change(caller.Subject, caller.Name, clock.GetUtcNow());
        var audit = GenderAudit.Record(country!, request.Title, heldOn!.Value, participants,
            [.. request.Findings.Select(f => new GenderAuditFinding { Kind = (GenderAuditFindingKind)f.Kind, Text = f.Text })], change, request.RequestId);
        foreach (var programmeId in programmeIds)
            audit.Inform(await FindVisibleAsync(programmeId, programmeId.ToString(), caller, context.CancellationToken));
        try
        {
            await genderAudits.SaveAsync(audit, cancellationToken: context.CancellationToken);
        }
        catch (DuplicateKeyException) when (request.RequestId.Length > 0)
        {
            // Two calls with one request id both found nothing; the id derived from it let only one be stored.
            var winner = await FindAuditByRequestIdAsync(request.RequestId, context.CancellationToken);
            if (winner is null) throw;
            return ToProto(winner.AnswerRepeat(country!, request.Title, heldOn!.Value));
        }
        return ToProto(audit);
    }

    /// <summary>The audit recorded with this request id; null for none or an empty id.</summary>
    private Task<GenderAudit?> FindAuditByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        requestId.Length == 0 ? Task.FromResult<GenderAudit?>(null) : genderAudits.FindAsync(GenderAudit.IdOf(requestId), cancellationToken);

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override async Task<Contract.GenderAudit> AddGenderAuditFinding(Contract.AddGenderAuditFindingRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.Finding is null, "finding", "is required");
        if (request.Finding is not null) CheckFinding(request.Finding, "finding", violations);
        return ToProto(await ChangeInCountryScopeAsync(genderAudits, GenderAuditResource, request.GenderAuditId, "gender_audit_id", request.ExpectedVersion,
            violations, context, a => a.CountryCode, (audit, _) =>
            {
                audit.AddFinding((GenderAuditFindingKind)request.Finding!.Kind, request.Finding.Text);
                return Task.CompletedTask;
            }));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesDraft)]
    public override async Task<Contract.GenderAudit> LinkGenderAuditToProgramme(Contract.LinkGenderAuditToProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(programmeId is null, "programme_id", "must be a UUID");
        return ToProto(await ChangeInCountryScopeAsync(genderAudits, GenderAuditResource, request.GenderAuditId, "gender_audit_id", request.ExpectedVersion,
            violations, context, a => a.CountryCode, async (audit, _) =>
                audit.Inform(await FindVisibleAsync(programmeId!.Value, request.ProgrammeId, Caller.From(context), context.CancellationToken))));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesRead)]
    public override async Task<Contract.GenderAudit> GetGenderAudit(Contract.GetGenderAuditRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        return ToProto(await FindInCountryScopeAsync(genderAudits, GenderAuditResource, id, request.Id, a => a.CountryCode, Caller.From(context), context.CancellationToken));
    }

    [Authorize(Policy = AccessPolicies.ProgrammesRead)]
    public override async Task<Contract.ListGenderAuditsResponse> ListGenderAudits(Contract.ListGenderAuditsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var country = violations.OptionalCountry(request.Country, "country");
        violations.Check(!Enum.IsDefined(request.Region), "region", "is not a known region");
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(request.ProgrammeId.Length > 0 && programmeId is null, "programme_id", "must be a UUID");
        violations.CheckOptionalRequestId(request.RequestId);
        violations.ThrowIfAny();

        Guid? requestedAudit = request.RequestId.Length == 0 ? null : GenderAudit.IdOf(request.RequestId);
        var region = (IloRegion)request.Region;
        var scope = Caller.From(context).CountryScope(GlobalRoles)?.ToList();
        var filter = Filter.All<GenderAudit>(
            // No audit has an empty country: a token naming no country sees nothing.
            scope is null ? null : scope.Count == 0 ? a => a.CountryCode == "" : a => scope.Contains(a.CountryCode),
            country is null ? null : a => a.CountryCode == country.Code,
            region == 0 ? null : a => a.Region == region,
            programmeId is not { } informed ? null : a => a.ProgrammeIds.Any(id => id == informed),
            requestedAudit is not { } recorded ? null : a => a.Id == recorded);
        var (found, total, next) = await genderAudits.PageAsync(filter, new SortOrder<GenderAudit>(a => a.SortKey), page, context.CancellationToken);
        var response = new Contract.ListGenderAuditsResponse { NextPageToken = next, TotalSize = total };
        response.GenderAudits.AddRange(found.Select(ToProto));
        return response;
    }

    private static void CheckFinding(Contract.GenderAuditFinding finding, string field, FieldViolations violations)
    {
        violations.Check(finding.Kind == 0 || !Enum.IsDefined(finding.Kind), $"{field}.kind", "must be good practice or area for strengthening");
        RequireText(violations, finding.Text, $"{field}.text", GenderAudit.MaxFindingLength);
    }
}
