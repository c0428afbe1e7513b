using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Agencies' assessments with the Toolkit for mainstreaming employment and decent work.</summary>
public sealed partial class CoordinationService
{
    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.ToolkitAssessment> RecordToolkitAssessment(Contract.RecordToolkitAssessmentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(!JointProgrammeRules.IsValidAgency(request.Agency), "agency", "is required: 2-20 letters, digits or dashes");
        var country = violations.OptionalCountry(request.CountryCode, "country_code");
        var status = request.Status == Contract.ToolkitAssessmentStatus.Unspecified ? ToolkitAssessmentStatus.Planned : ToolkitAssessmentMapping.ToDomain(request.Status);
        violations.Check(status is null, "status", "is not a Toolkit assessment status");
        var (startedOn, completedOn) = ToolkitAssessmentMapping.Dates(request, status, violations);
        violations.Check(!ToolkitAssessment.IsValidFindings(request.Findings), "findings", $"must be at most {ToolkitAssessment.MaxFindingsLength} characters");
        violations.ThrowIfAny();

        // Looking first names the clash in the message; the unique index still decides a race.
        var key = ToolkitAssessment.KeyFor(request.Agency, country);
        var existing = await ToolkitAssessments.QueryAsync(a => a.AgencyScopeKey == key, new SortOrder<ToolkitAssessment>(a => a.SortKey), 0, 1, context.CancellationToken);
        if (existing.Count > 0)
            throw new AlreadyExistsException($"{existing[0].Agency} already has a Toolkit assessment {(country is null ? "agency-wide" : $"in {country.Code}")}: {existing[0].Id}.");

        var assessment = ToolkitAssessment.Record(request.Agency, country, status!.Value, startedOn, completedOn,
            request.SupportedByOrganisation, request.Findings, Clock.GetUtcNow());
        await ToolkitAssessments.SaveAsync(assessment, cancellationToken: context.CancellationToken);
        return ToolkitAssessmentMapping.ToProto(assessment);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ToolkitAssessment> GetToolkitAssessment(Contract.GetToolkitAssessmentRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.Id, "id");
        var assessment = await ToolkitAssessments.FindAsync(id, context.CancellationToken) ?? throw new NotFoundException("Toolkit assessment", request.Id);
        return ToolkitAssessmentMapping.ToProto(assessment);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ListToolkitAssessmentsResponse> ListToolkitAssessments(Contract.ListToolkitAssessmentsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var status = ToolkitAssessmentMapping.ToDomain(request.Status);
        violations.Check(request.Status != Contract.ToolkitAssessmentStatus.Unspecified && status is null, "status", "is not a Toolkit assessment status");
        var agency = string.IsNullOrEmpty(request.Agency) ? null : JointProgrammeRules.NormaliseAgency(request.Agency);
        violations.Check(agency is not null && !JointProgrammeRules.IsValidAgency(agency), "agency", "must be 2-20 letters, digits or dashes");
        var country = violations.OptionalCountry(request.Country, "country");
        violations.ThrowIfAny();

        var filter = Filter.All<ToolkitAssessment>(
            status is null ? null : a => a.Status == status.Value,
            agency is null ? null : a => a.Agency == agency,
            country is null ? null : a => a.CountryCode == country.Code);
        var (found, total, nextPageToken) = await ToolkitAssessments.PageAsync(filter, new SortOrder<ToolkitAssessment>(a => a.SortKey), page, context.CancellationToken);
        var response = new Contract.ListToolkitAssessmentsResponse { NextPageToken = nextPageToken, TotalSize = total };
        response.ToolkitAssessments.AddRange(found.Select(ToolkitAssessmentMapping.ToProto));
        return response;
    }

    [Authorize(Policy = AccessPolicies.CoordinationWrite)]
    public override async Task<Contract.ToolkitAssessment> ChangeToolkitAssessmentStatus(Contract.ChangeToolkitAssessmentStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var status = ToolkitAssessmentMapping.ToDomain(request.Status);
        violations.Check(status is null, "status", "is required and must be a Toolkit assessment status");
        var changedOn = DateFields.Required(request.ChangedOn, "changed_on", ToolkitAssessment.FirstYear, ToolkitAssessment.LastYear, violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // The same status again changes nothing, so nothing is saved and the version stays put.
        var assessment = await toolkitAssessments.ChangeAsync(
            async token => await toolkitAssessments.FindAsync(id!.Value, token) ?? throw new NotFoundException("Toolkit assessment", request.Id),
            request.ExpectedVersion, found => Task.FromResult(found.ChangeStatus(status!.Value, changedOn!.Value)), context.CancellationToken);
        return ToolkitAssessmentMapping.ToProto(assessment);
    }

    [Authorize(Policy = AccessPolicies.CoordinationRead)]
    public override async Task<Contract.ToolkitAssessmentSummary> SummariseToolkitAssessments(Contract.SummariseToolkitAssessmentsRequest request, ServerCallContext context)
    {
        // One assessment per agency and scope (a unique index): tens of agencies and a few countries
        // each, so the whole set is bounded by the UN system, not by use; read whole, not bucketed.
        var all = await ToolkitAssessments.ReadAllAsync(Filter.All<ToolkitAssessment>(), new SortOrder<ToolkitAssessment>(a => a.SortKey), context.CancellationToken);
        var report = ToolkitAssessmentReport.Summarise(all);
        return new Contract.ToolkitAssessmentSummary
        {
            CompletedAgencyCount = report.CompletedAgencies.Count,
            CompletedAgencies = { report.CompletedAgencies },
            CompletedCount = report.CompletedCount,
            InProgressCount = report.InProgressCount,
            PlannedCount = report.PlannedCount,
            CompletedWithOrganisationSupportCount = report.CompletedWithOrganisationSupportCount,
            CompletedCountryCodes = { report.CompletedCountryCodes },
        };
    }
}
