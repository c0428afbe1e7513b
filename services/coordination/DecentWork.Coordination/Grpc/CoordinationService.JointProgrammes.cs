using System.Runtime.CompilerServices;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Joint programmes: proposals, approval (which publishes JointProgrammeApproved), reads.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.JointProgramme> RegisterJointProgramme(Contract.RegisterJointProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(!JointProgrammeRules.IsValidText(request.Title, JointProgrammeRules.MaxTitleLength, required: true),
            "title", $"is required and must be at most {JointProgrammeRules.MaxTitleLength} characters");
        violations.Check(!JointProgrammeRules.IsValidText(request.Fund, JointProgrammeRules.MaxNameLength, required: true),
            "fund", $"is required and must be at most {JointProgrammeRules.MaxNameLength} characters");
        violations.Check(!JointProgrammeRules.IsValidText(request.ThematicWindow, JointProgrammeRules.MaxNameLength, required: false),
            "thematic_window", $"must be at most {JointProgrammeRules.MaxNameLength} characters");
        var countries = JointProgrammeMapping.Countries(request.CountryCodes, violations);
        var agencies = JointProgrammeMapping.Agencies(request.Agencies, violations);
        // Judged against the agencies as requested, so a lead is reported even when a share is wrong.
        violations.Check(!JointProgrammeRules.IsValidAgency(request.LeadAgency)
            || (request.Agencies.Count > 0 && !request.Agencies.Any(a => JointProgrammeRules.NormaliseAgency(a.Agency ?? "") == JointProgrammeRules.NormaliseAgency(request.LeadAgency))),
            "lead_agency", "is required and must be one of agencies");
        violations.ThrowIfAny();

        var terms = new JointProgrammeTerms(request.Title, request.Fund, request.ThematicWindow, request.LeadAgency);
        var programme = JointProgramme.Propose(terms, countries, agencies, Clock.GetUtcNow());
        await JointProgrammes.SaveAsync(programme, cancellationToken: context.CancellationToken);
        return JointProgrammeMapping.ToProto(programme);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.JointProgramme> GetJointProgramme(Contract.GetJointProgrammeRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var programme = await JointProgrammes.FindAsync(id, context.CancellationToken) ?? throw new NotFoundException("Joint programme", request.Id);
        return JointProgrammeMapping.ToProto(programme);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListJointProgrammesResponse> ListJointProgrammes(Contract.ListJointProgrammesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var status = JointProgrammeMapping.ToDomain(request.Status);
        violations.Check(request.Status != Contract.JointProgrammeStatus.Unspecified && status is null, "status", "is not a joint programme status");
        violations.ThrowIfAny();

        var filter = Filter.All<JointProgramme>(status is null ? null : j => j.Status == status.Value);
        var (found, total, nextPageToken) = await JointProgrammes.PageAsync(filter, new SortOrder<JointProgramme>(j => j.SortKey), page, context.CancellationToken);
        var response = new Contract.ListJointProgrammesResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.JointProgrammes.AddRange(found.Select(JointProgrammeMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.JointProgramme> ApproveJointProgramme(Contract.ApproveJointProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var approvedOn = ProtoConvert.ToDateOnly(request.ApprovedOn);
        violations.Check(approvedOn is null, "approved_on", "is required and must be a calendar date");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var approvedBy = Caller.From(context).Display;
        // The event goes to the outbox in the same write as the approval.
        var programme = await ChangeJointProgrammeAsync(id!.Value, request.Id, request.ExpectedVersion, found =>
        {
            found.Approve(approvedOn!.Value, clock.GetUtcNow(), approvedBy);
            return true;
        }, context.CancellationToken);
        return JointProgrammeMapping.ToProto(programme);
    }
}

/// <summary>Joint programme status after approval.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.JointProgramme> ChangeJointProgrammeStatus(Contract.ChangeJointProgrammeStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var status = JointProgrammeMapping.ToDomain(request.Status);
        violations.Check(status is null, "status", "is required and must be a joint programme status");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var programme = await ChangeJointProgrammeAsync(id!.Value, request.Id, request.ExpectedVersion, found => found.ChangeStatus(status!.Value),
            context.CancellationToken);
        return JointProgrammeMapping.ToProto(programme);
    }

    /// <summary>NOT_FOUND names the id as the caller wrote it; saves when <paramref name="change"/> answers true.</summary>
    private Task<JointProgramme> ChangeJointProgrammeAsync(Guid id, string requestedId, long expectedVersion, Func<JointProgramme, bool> change,
        CancellationToken cancellationToken, [CallerMemberName] string operation = "") =>
        jointProgrammes.ChangeAsync(async token => await jointProgrammes.FindAsync(id, token) ?? throw new NotFoundException("Joint programme", requestedId),
            expectedVersion, found => Task.FromResult(change(found)), cancellationToken, operation: operation);
}

/// <summary>The joint programmes report.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.JointProgrammeSummary> SummariseJointProgrammes(Contract.SummariseJointProgrammesRequest request, ServerCallContext context)
    {
        // Counts from a handful of per-fund buckets; only the programmes the organisation leads are read whole (they are listed).
        // The led ones are read first: programmes only move forward out of the proposal stage, so
        // every one listed is also in the approved count read after it (a test checks led ≤ approved).
        var led = await JointProgrammes.ReadAllAsync(
            j => j.LeadAgency == JointProgramme.Organisation && j.Status != JointProgrammeStatus.Proposal,
            new SortOrder<JointProgramme>(j => j.SortKey), context.CancellationToken);
        var buckets = await projections.ReadAsync(JointProgrammesByFundProjection.ProjectionName, BucketRange.Prefix(""), context.CancellationToken);
        var report = JointProgrammeReport.From(buckets, led, request.Fund, request.ThematicWindow);
        return new Contract.JointProgrammeSummary
        {
            ApprovedCount = report.ApprovedCount,
            CountryCount = report.CountryCount,
            ProposalCount = report.ProposalCount,
            LedByOrganisation = { report.LedByOrganisation.Select(JointProgrammeMapping.ToProto) },
            OrganisationShare = ProtoConvert.ToMoney(report.OrganisationShareUsd),
            LedCount = report.LedByOrganisation.Count,
            LedCountryCodes = { report.LedCountryCodes() },
        };
    }
}
