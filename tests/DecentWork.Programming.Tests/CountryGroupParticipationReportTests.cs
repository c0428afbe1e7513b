using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Programming.V1;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace DecentWork.Programming.Tests;

/// <summary>
/// ReportConsultationParticipation and ReportTrainingByProgramme filtered by country group, over
/// coordination's CountryStatusChanged on the real broker (high revisions, as CountryGroupReportServiceTests).
/// </summary>
public class CountryGroupParticipationReportTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private Task<ReportConsultationParticipationResponse> Participation(CountryGroup group, Date? on = null) =>
        _client.ReportConsultationParticipationAsync(new ReportConsultationParticipationRequest { CountryGroup = group, CountryGroupOn = on }).ResponseAsync;

    /// <summary>The total and the ids of the first page, joined so the pair compares by value.</summary>
    private async Task<(int Total, string Ids)> Training(CountryGroup group, Date? on = null)
    {
        var report = await _client.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest { CountryGroup = group, CountryGroupOn = on });
        return (report.TotalSize, string.Join(",", report.Programmes.Select(p => p.ProgrammeId)));
    }

    [Fact]
    public async Task ReportConsultationParticipationAndTrainingByProgramme_WhenFilteredByCountryGroup_CountOnlyThatGroup()
    {
        // Each approved programme had one consultation of the three constituent groups on its way to approval.
        var mali = await Lifecycle.ApprovedAsync("MLI");
        var uruguay = await Lifecycle.ApprovedAsync("URY");
        await Bus.Publish(new CountryStatusChanged("MLI", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        await Eventually.Until(() => Participation(CountryGroup.LeastDeveloped), r => r.ConsultationCount == 1, what: "Mali's status copied");

        var leastDeveloped = await Participation(CountryGroup.LeastDeveloped);
        Assert.Equal((1, 1), (leastDeveloped.ConsultationCount, leastDeveloped.ProgrammeCount));
        // Three groups of 2 women and 3 men each.
        Assert.Equal((6, 9), (leastDeveloped.Rows.Sum(r => r.Women), leastDeveloped.Rows.Sum(r => r.Men)));
        Assert.Equal((1, 1), ((await Participation(CountryGroup.Neither)).ConsultationCount, (await Participation(CountryGroup.Neither)).ProgrammeCount));
        Assert.Equal(2, (await Participation(CountryGroup.Unspecified)).ConsultationCount);
        // Before Mali was on the list, nobody was in the group.
        Assert.Equal(0, (await Participation(CountryGroup.LeastDeveloped, new Date { Year = 1970, Month = 6, Day = 1 })).ConsultationCount);

        Assert.Equal((1, mali.Id), await Training(CountryGroup.LeastDeveloped));
        Assert.Equal((1, uruguay.Id), await Training(CountryGroup.Neither));
        Assert.Equal((0, ""), await Training(CountryGroup.LeastDeveloped, new Date { Year = 1970, Month = 6, Day = 1 }));
        Assert.Equal(2, (await Training(CountryGroup.Unspecified)).Total);
    }

    [Fact]
    public async Task ReportConsultationParticipationAndTrainingByProgramme_WhenTheCountryGroupIsBad_NameTheFields()
    {
        var badDay = new Date { Year = 2011, Month = 2, Day = 30 };
        await RpcAssert.InvalidFields(() => _client.ReportConsultationParticipationAsync(new ReportConsultationParticipationRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = badDay,
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => _client.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest
        {
            CountryGroup = (CountryGroup)9,
        }).ResponseAsync, "country_group");
    }
}
