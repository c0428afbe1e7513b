using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Project-level tripartite committees and stakeholder consultations, and the participation report.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> RecordProjectMeeting(Contract.RecordProjectMeetingRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.ProjectId);
        violations.Check(id is null, "project_id", "must be a UUID");
        violations.Check(request.Kind == Contract.ProjectMeetingKind.Unspecified || !Enum.IsDefined(request.Kind), "kind", "is required and must be a known kind");
        var today = Today();
        var heldOn = ProjectMeetingMapping.PastDate(request.HeldOn, "held_on", today, violations);
        violations.Check(request.Place.Trim().Length is 0 or > ProjectMeetingMapping.MaxPlaceLength, "place",
            $"is required: 1-{ProjectMeetingMapping.MaxPlaceLength} characters");
        var participants = ProjectMeetingMapping.People(request.Participants, "participants", violations);
        violations.Check(request.DocumentUri.Length > 0 && !ProjectMeetingMapping.IsWebLink(request.DocumentUri), "document_uri",
            $"must be an absolute http or https URI of at most {ProjectMeetingMapping.MaxUriLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var recordedBy = Caller.From(context).Display;
        return await ChangeProject(id!.Value, request.ExpectedVersion,
            p => p.RecordMeeting((ProjectMeetingKind)request.Kind, heldOn!.Value, request.Place, participants, request.DocumentUri, today, recordedBy),
            context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.Project> SetProjectCommittee(Contract.SetProjectCommitteeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.ProjectId);
        violations.Check(id is null, "project_id", "must be a UUID");
        violations.Check(request.Name.Trim().Length is 0 or > ProjectMeetingMapping.MaxPlaceLength, "name",
            $"is required: 1-{ProjectMeetingMapping.MaxPlaceLength} characters");
        var today = Today();
        var establishedOn = ProjectMeetingMapping.PastDate(request.EstablishedOn, "established_on", today, violations);
        var members = ProjectMeetingMapping.People(request.Members, "members", violations);
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        return await ChangeProject(id!.Value, request.ExpectedVersion,
            p => p.SetCommittee(request.Name, establishedOn!.Value, members, today), context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportProjectParticipationResponse> ReportProjectParticipation(Contract.ReportProjectParticipationRequest request,
        ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckPeriod(request.StartYear, request.EndYear, violations);
        var country = violations.OptionalCountry(request.CountryCode, "country_code");
        var inGroup = CountryGroupRegistration.FilterFrom(request.CountryGroup, request.CountryGroupOn, violations);
        violations.ThrowIfAny();

        var cancellationToken = context.CancellationToken;
        var admits = await ParticipationInCountryGroupAsync(inGroup, cancellationToken);
        var (from, to) = Years(request.StartYear, request.EndYear);
        var visible = await VisibleProjectIdsAsync(await ReadScopeAsync(context), cancellationToken);
        bool Counted(Bucket b) => (country is null || ProjectParticipationProjection.CountryOf(b) == country.Code)
            && admits(ProjectParticipationProjection.CountryOf(b), ProjectParticipationProjection.YearOf(b));
        async Task<List<Bucket>> Read(string family, Func<Bucket, bool> counted) =>
            [.. (await projections.ReadAsync(ProjectParticipationProjection.ProjectionName, ProjectParticipationProjection.Between(family, from, to), cancellationToken))
                .Where(counted)];

        // One bucket a year when nothing narrows the answer, one a year and country for a country
        // or a group, per project for a caller whose scope is a set of projects or when a country's
        // group membership has gaps in the period (see CountsEachProjectOnce).
        ProjectParticipationReport? report = null;
        if (visible is null && country is null && inGroup is null)
            report = ProjectParticipationReport.FromTotals(await Read(ProjectParticipationProjection.MeetingsByYearFamily, _ => true),
                await Read(ProjectParticipationProjection.CommitteesByYearFamily, _ => true), _ => "");
        else if (visible is null)
        {
            var meetings = await Read(ProjectParticipationProjection.MeetingsByCountryFamily, Counted);
            if (ProjectParticipationReport.CountsEachProjectOnce(meetings, admits))
                report = ProjectParticipationReport.FromTotals(meetings, await Read(ProjectParticipationProjection.CommitteesByCountryFamily, Counted),
                    ProjectParticipationProjection.CountryOf);
        }
        bool Seen(Bucket b) => Counted(b) && (visible is null || visible.Contains(ProjectParticipationProjection.ProjectOf(b)));
        report ??= ProjectParticipationReport.From(await Read(ProjectParticipationProjection.MeetingFamily, Seen),
            await Read(ProjectParticipationProjection.CommitteeFamily, Seen));

        var response = new Contract.ReportProjectParticipationResponse
        {
            MeetingCount = report.MeetingCount, ProjectCount = report.ProjectCount, CommitteeCount = report.CommitteeCount,
        };
        response.Meetings.AddRange(report.Meetings.Select(ProjectMeetingMapping.ToProto));
        response.CommitteeMembers.AddRange(report.CommitteeMembers.Select(ProjectMeetingMapping.ToProto));
        return response;
    }
}
