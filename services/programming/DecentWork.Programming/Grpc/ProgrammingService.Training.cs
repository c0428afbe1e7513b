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
        // All matching programmes are read because the totals cover every page.
        var all = await ReportedProgrammesAsync(request.Region, request.Country, request.Status, violations, context);
        var counted = all.Where(p => p.Training is not null).Select(p => p.Training!).ToList();
        var (shown, total, next) = page.Of(all, p => p.SortKey);
        var response = new Contract.ReportTrainingByProgrammeResponse
        {
            NextPageToken = next,
            TotalSize = total,
            ProgrammesCounted = counted.Count,
            TotalParticipantsTrained = counted.Sum(t => t.ParticipantsTrained),
            TotalParticipantDays = counted.Sum(t => t.ParticipantDays),
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
