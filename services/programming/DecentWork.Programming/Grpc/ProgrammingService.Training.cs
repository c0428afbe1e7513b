using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>Capacity built per programme, from training's ProgrammeTrainingCounted events.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportTrainingByProgrammeResponse> ReportTrainingByProgramme(
        Contract.ReportTrainingByProgrammeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var filter = ReportFilter(request.Region, request.Country, request.Status, violations, context);
        // The group of the day asked for, or today's: the rows and the totals are programmes as they stand now.
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        if (inGroup is not null)
        {
            var admitted = Countries.ByCode.Keys.Where(code => inGroup(code, 0)).ToList();
            filter = Filter.All(filter, p => admitted.Contains(p.CountryCode));
        }
        // The totals come from the buckets (a few per country the caller sees), the rows from one
        // keyed page of programmes: neither grows with the programmes not shown.
        var buckets = await ReportBucketsAsync(TrainingByProgrammeProjection.ProjectionName, request.Region, request.Country, context);
        var totals = TrainingByProgrammeReport.From(inGroup is null ? buckets : buckets.Where(b => inGroup(b.Parts[0], 0)), (ProgrammeStatus)request.Status);
        var order = new SortOrder<Programme>(p => p.SortKey);
        var found = await programmes.QueryAfterAsync(filter, order, page.After, page.Size + 1, context.CancellationToken);
        var shown = found.Take(page.Size).ToList();
        var response = new Contract.ReportTrainingByProgrammeResponse
        {
            NextPageToken = found.Count > page.Size ? PageTokens.Seal(order.KeyOf(shown[^1])) : "",
            TotalSize = totals.ProgrammeCount,
            ProgrammesCounted = totals.ProgrammesCounted,
            TotalParticipantsTrained = totals.ParticipantsTrained,
            TotalParticipantDays = totals.ParticipantDays,
        };
        response.Programmes.AddRange(shown.Select(p => new Contract.ProgrammeTraining
        {
            ProgrammeId = p.Id.ToString(),
            CountryCode = p.CountryCode,
            Title = p.Title,
            Status = (Contract.ProgrammeStatus)p.Status,
            Training = p.Training is { } training ? ToProto(training) : null,
        }));
        return response;
    }
}
