using DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Writers register programmes, move them into consultation and record consultations while
/// readers read the projection-backed reports: every answer must be one consistent count, never a
/// programme counted twice (in two statuses, or twice in one) and never more than was written.
/// </summary>
public class ProgrammeReportConcurrencyTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private const int Writers = 4;
    private const int ProgrammesPerWriter = 12;
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task Reports_WhenProgrammesAreWrittenWhileTheyAreRead_NeverCountTwiceOrMoreThanWritten()
    {
        var lifecycle = new LifecycleClient(fixture.Service);
        var byStatus = new ReportProgrammesByStatusRequest { Region = IloRegion.Africa };
        var consultations = new ReportConsultationParticipationRequest { Country = "ZMB" };
        var baseline = await _client.ReportProgrammesByStatusAsync(byStatus);
        Assert.Equal(0, (await _client.ReportConsultationParticipationAsync(consultations)).ConsultationCount);
        var registering = 0;
        var consulting = 0;

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < ProgrammesPerWriter; i++)
            {
                Interlocked.Increment(ref registering);
                var programme = await lifecycle.WithOutcomeAsync("ZMB");
                programme = await _client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = programme.Id });
                Interlocked.Increment(ref consulting);
                await _client.RecordConsultationAsync(LifecycleClient.Consultation(programme, ConstituentGroup.Government, ConstituentGroup.Workers));
            }
        })).ToList();
        var reads = 0;
        var allWritten = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!allWritten.IsCompleted)
            {
                CheckStatus(await _client.ReportProgrammesByStatusAsync(byStatus), baseline, Volatile.Read(ref registering));
                CheckConsultations(await _client.ReportConsultationParticipationAsync(consultations), Volatile.Read(ref consulting));
                Interlocked.Increment(ref reads);
            }
        })).ToList();
        await allWritten;
        await Task.WhenAll(readers);

        var written = Writers * ProgrammesPerWriter;
        var final = await _client.ReportProgrammesByStatusAsync(byStatus);
        CheckStatus(final, baseline, written);
        Assert.Equal(baseline.TotalProgrammes + written, final.TotalProgrammes);
        Assert.Equal(InConsultation(baseline) + written, InConsultation(final));
        var participation = await _client.ReportConsultationParticipationAsync(consultations);
        CheckConsultations(participation, written);
        Assert.Equal(written, participation.ConsultationCount);
        Assert.Equal(written, participation.ProgrammeCount);
        Assert.True(reads > 0, "the readers read while the writers wrote");
    }

    private static int InConsultation(ReportProgrammesByStatusResponse report) =>
        report.Rows.Where(r => r.Status == ProgrammeStatus.InConsultation).Sum(r => r.ProgrammeCount);

    // Whatever moment a read sees: its rows add up to its total, which never exceeds what was written.
    private static void CheckStatus(ReportProgrammesByStatusResponse report, ReportProgrammesByStatusResponse baseline, int startedAtMost)
    {
        Assert.Equal(report.TotalProgrammes, report.Rows.Sum(r => r.ProgrammeCount));
        Assert.InRange(report.TotalProgrammes - baseline.TotalProgrammes, 0, startedAtMost);
    }

    // Every consultation written holds 2 women and 3 men of government and of workers, none of employers.
    private static void CheckConsultations(ReportConsultationParticipationResponse report, int startedAtMost)
    {
        Assert.InRange(report.ConsultationCount, 0, startedAtMost);
        Assert.Equal(report.ConsultationCount, report.ProgrammeCount);
        var government = report.Rows.Single(r => r.Group == ConstituentGroup.Government);
        var workers = report.Rows.Single(r => r.Group == ConstituentGroup.Workers);
        Assert.Equal((2 * report.ConsultationCount, 3 * report.ConsultationCount, report.ConsultationCount), (government.Women, government.Men, government.ConsultationCount));
        Assert.Equal((2 * report.ConsultationCount, 3 * report.ConsultationCount), (workers.Women, workers.Men));
        Assert.Equal(0, report.Rows.Single(r => r.Group == ConstituentGroup.Employers).ConsultationCount);
    }
}
