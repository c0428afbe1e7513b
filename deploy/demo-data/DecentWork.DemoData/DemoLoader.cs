using DecentWork.ServiceDefaults.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using Coordination = DecentWork.Contracts.Coordination.V1;
using Partnerships = DecentWork.Contracts.Partnerships.V1;
using Programming = DecentWork.Contracts.Programming.V1;
using Training = DecentWork.Contracts.Training.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Loads <see cref="PaperData"/> through the gateway. Safe to run again: what exists is found and
/// reused (programmes by country, partners and courses by their unique names and codes).
/// </summary>
public sealed class DemoLoader(GrpcChannel gateway, TextWriter log)
{
    private readonly Programming.ProgrammingService.ProgrammingServiceClient _programming = new(gateway);
    private readonly Partnerships.PartnershipsService.PartnershipsServiceClient _partnerships = new(gateway);
    private readonly Coordination.CoordinationService.CoordinationServiceClient _coordination = new(gateway);
    private readonly Training.TrainingService.TrainingServiceClient _training = new(gateway);

    public async Task LoadAsync()
    {
        var loaded = await new ProgrammeLoader(_programming).LoadAsync();
        var programmes = loaded.ToDictionary(p => p.Key, p => p.Value.Id);
        var partners = new Dictionary<string, string>();
        foreach (var (name, category) in PaperData.Partners) partners[name] = await PartnerAsync(name, category);
        await FundingAsync(partners, programmes);
        await new CoordinationLoader(_coordination).LoadAsync(loaded);
        foreach (var (code, title, countries) in PaperData.Courses) await CourseAsync(code, title, countries.Select(c => programmes[c]));
        (await PaperFigures.ReadAsync(new Platform(gateway))).WriteTo(log);
        log.WriteLine($"demo data: {programmes.Count} programmes, {partners.Count} partners, {PaperData.Courses.Length} courses");
    }

    private async Task<string> PartnerAsync(string name, Partnerships.PartnerCategory category)
    {
        var all = await _partnerships.ListPartnersAsync(new Partnerships.ListPartnersRequest { PageSize = 200 });
        if (all.Partners.FirstOrDefault(p => p.Name == name) is { } found) return found.Id;
        return (await _partnerships.RegisterPartnerAsync(new Partnerships.RegisterPartnerRequest { Name = name, Category = category })).Id;
    }

    private async Task FundingAsync(Dictionary<string, string> partners, Dictionary<string, string> programmes)
    {
        foreach (var seed in PaperData.Funding)
        {
            var request = new Partnerships.ListFundingApprovalsRequest { PartnerId = partners[seed.Partner], ProgrammeId = programmes[seed.Country], Year = seed.Year };
            if ((await _partnerships.ListFundingApprovalsAsync(request)).TotalSize > 0) continue;
            await _partnerships.RecordFundingApprovalAsync(new Partnerships.RecordFundingApprovalRequest
            {
                PartnerId = partners[seed.Partner],
                ProgrammeId = programmes[seed.Country],
                Amount = ProtoConvert.ToMoney(seed.AmountUsd),
                Year = seed.Year,
            });
        }
    }

    private async Task CourseAsync(string code, string title, IEnumerable<string> programmeIds)
    {
        var all = await _training.ListCoursesAsync(new Training.ListCoursesRequest { PageSize = 200 });
        var course = all.Courses.FirstOrDefault(c => c.Code == code)
            ?? await _training.PublishCourseAsync(new Training.PublishCourseRequest { Code = code, Title = title });
        foreach (var programmeId in programmeIds) await LinkWhenTrainingKnowsAsync(course.Id, programmeId);
    }

    // Training learns of programmes from events, a moment after they are registered.
    private async Task LinkWhenTrainingKnowsAsync(string courseId, string programmeId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _training.LinkCourseToProgrammeAsync(new Training.LinkCourseToProgrammeRequest { CourseId = courseId, ProgrammeId = programmeId });
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && attempt < 60)
            {
                await Task.Delay(500);
            }
        }
    }
}
