using DecentWork.ServiceDefaults.Grpc;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.DemoData;

/// <summary>
/// The source paper's figures, read back from the platform's own reports through the gateway. The
/// loader prints them so whoever runs the platform sees the paper reproduced; the end-to-end test
/// compares them with the paper.
/// </summary>
public sealed record PaperFigures(
    PaperFigures.ProgrammingFigures Programming,
    PaperFigures.CoordinationFigures Coordination,
    PaperFigures.PartnershipsFigures Partnerships,
    PaperFigures.TrainingFigures Training)
{
    public sealed record ProgrammingFigures(int ApprovedIn2007, int InPreparation);

    public sealed record CoordinationFigures(
        int DeliveringAsOnePilots,
        int JointProgrammesApproved,
        int JointProgrammeCountries,
        IReadOnlyList<string> JointProgrammesLedIn,
        int CountriesWithLinkedOutcomes,
        IReadOnlyList<string> DecentWorkGapCountries,
        int ToolkitAgenciesCompleted);

    public sealed record PartnershipsFigures(
        decimal Approved2006To2007,
        string LargestDonor2007,
        decimal LargestDonor2007Amount,
        string FieldOfficeSharePercent,
        string ProjectsLinkedPercent,
        decimal RbsaContributed2008,
        decimal RbsaAfrica2008,
        string AfricaSharePercent2007,
        string AfricaChangePercent2007,
        PartnershipsV1.AgreementAlignmentReport Alignment);

    public sealed record TrainingFigures(
        int Participants2007,
        double EmployersAndWorkersPercent2007,
        double EmployersAndWorkersGrowthPercentSince2006,
        double LinkedToOutcomesPercent2007,
        int TcManualParticipants,
        int Fellowships2005,
        int Fellowships2007);

    private static readonly ProgrammingV1.ProgrammeStatus[] Preparation =
        [ProgrammingV1.ProgrammeStatus.Draft, ProgrammingV1.ProgrammeStatus.InConsultation, ProgrammingV1.ProgrammeStatus.UnderQualityAssurance];

    public static async Task<PaperFigures> ReadAsync(GatewayClients platform) => new(
        await ProgrammingAsync(platform.Programming),
        await CoordinationAsync(platform.Coordination),
        await PartnershipsAsync(platform.Partnerships),
        await TrainingAsync(platform.Training));

    private static async Task<ProgrammingFigures> ProgrammingAsync(ProgrammingV1.ProgrammingService.ProgrammingServiceClient programming)
    {
        var byStatus = await programming.ReportProgrammesByStatusAsync(new ProgrammingV1.ReportProgrammesByStatusRequest());
        return new ProgrammingFigures(
            ApprovedIn2007: byStatus.Rows.Where(r => r.ApprovalYear == 2007).Sum(r => r.ProgrammeCount),
            InPreparation: byStatus.Rows.Where(r => Preparation.Contains(r.Status)).Sum(r => r.ProgrammeCount));
    }

    private static async Task<CoordinationFigures> CoordinationAsync(CoordinationV1.CoordinationService.CoordinationServiceClient coordination)
    {
        var pilots = await coordination.ListDeliveringAsOnePilotsAsync(new CoordinationV1.ListDeliveringAsOnePilotsRequest { PageSize = 50 });
        var joint = await coordination.SummariseJointProgrammesAsync(new CoordinationV1.SummariseJointProgrammesRequest());
        var coherence = await coordination.ListCountryCoherenceAsync(new CoordinationV1.ListCountryCoherenceRequest { PageSize = 500 });
        var gaps = await coordination.ListDecentWorkGapsAsync(new CoordinationV1.ListDecentWorkGapsRequest { PageSize = 500 });
        var toolkit = await coordination.SummariseToolkitAssessmentsAsync(new CoordinationV1.SummariseToolkitAssessmentsRequest());
        return new CoordinationFigures(
            DeliveringAsOnePilots: pilots.TotalSize,
            JointProgrammesApproved: joint.ApprovedCount,
            JointProgrammeCountries: joint.CountryCount,
            JointProgrammesLedIn: [.. joint.LedByOrganisation.SelectMany(j => j.CountryCodes).Order(StringComparer.Ordinal)],
            CountriesWithLinkedOutcomes: coherence.Countries.Count(c => c.LinkedOutcomeCount > 0),
            DecentWorkGapCountries: [.. gaps.Countries.Select(g => g.CountryCode)],
            ToolkitAgenciesCompleted: toolkit.CompletedAgencyCount);
    }

    private static async Task<PartnershipsFigures> PartnershipsAsync(PartnershipsV1.PartnershipsService.PartnershipsServiceClient partnerships)
    {
        var biennium = await partnerships.ReportFundingApprovalsAsync(new PartnershipsV1.ReportFundingApprovalsRequest
        {
            GroupBy = PartnershipsV1.FundingApprovalGrouping.Year, StartYear = 2006, EndYear = 2007,
        });
        var topPartner = (await partnerships.ReportFundingApprovalsAsync(new PartnershipsV1.ReportFundingApprovalsRequest
        {
            GroupBy = PartnershipsV1.FundingApprovalGrouping.Partner, StartYear = 2007, EndYear = 2007, Limit = 1,
        })).Totals.Single();
        var fieldOffices = await partnerships.ReportFieldOfficeShareAsync(new PartnershipsV1.ReportFieldOfficeShareRequest { StartYear = 2006, EndYear = 2007 });
        var projects = await partnerships.ReportProjectLinkageAsync(new PartnershipsV1.ReportProjectLinkageRequest { StartYear = 2006, EndYear = 2007 });
        var rbsa = await partnerships.GetRbsaPoolAsync(new PartnershipsV1.GetRbsaPoolRequest { BienniumStartYear = 2008 });
        var africa = (await partnerships.ReportAfricaShareAsync(new PartnershipsV1.ReportAfricaShareRequest { StartYear = 2006, EndYear = 2007 }))
            .Years.Single(y => y.Year == 2007);
        var alignment = await partnerships.ReportAgreementAlignmentAsync(new PartnershipsV1.ReportAgreementAlignmentRequest
        {
            PartnerId = "-", StartYear = 2008, EndYear = 2008,
        });
        return new PartnershipsFigures(
            Approved2006To2007: ProtoConvert.ToDecimal(biennium.TotalAmount),
            LargestDonor2007: topPartner.Label,
            LargestDonor2007Amount: ProtoConvert.ToDecimal(topPartner.Amount),
            FieldOfficeSharePercent: fieldOffices.FieldOfficeSharePercent,
            ProjectsLinkedPercent: projects.LinkedSharePercent,
            RbsaContributed2008: ProtoConvert.ToDecimal(rbsa.Contributed),
            RbsaAfrica2008: rbsa.ByRegion.Where(r => r.Key == "ILO_REGION_AFRICA").Sum(r => ProtoConvert.ToDecimal(r.Amount)),
            AfricaSharePercent2007: africa.AfricaSharePercent,
            AfricaChangePercent2007: africa.AfricaChangePercent,
            Alignment: alignment);
    }

    private static async Task<TrainingFigures> TrainingAsync(TrainingV1.TrainingService.TrainingServiceClient training)
    {
        var participants = await training.GetParticipantReportAsync(new TrainingV1.GetParticipantReportRequest { FromYear = 2006, ToYear = 2007, BaseYear = 2006 });
        var year2007 = participants.Years.Single(y => y.Year == 2007);
        var linked = (await training.GetLinkedTrainingReportAsync(new TrainingV1.GetLinkedTrainingReportRequest { FromYear = 2007, ToYear = 2007 })).Years.Single();
        var tcManual = (await training.ListCoursesAsync(new TrainingV1.ListCoursesRequest { Text = "TCMANUAL" })).Courses.Single(c => c.Code == "TCMANUAL");
        var tcManualOverTime = await training.GetCourseParticipantReportAsync(new TrainingV1.GetCourseParticipantReportRequest { CourseId = tcManual.Id, FromYear = 2005, ToYear = 2007 });
        var fellowships = await training.GetFellowshipReportAsync(new TrainingV1.GetFellowshipReportRequest { FromYear = 2005, ToYear = 2007 });
        return new TrainingFigures(
            Participants2007: year2007.Participants,
            EmployersAndWorkersPercent2007: year2007.EmployersAndWorkersPercent,
            EmployersAndWorkersGrowthPercentSince2006: year2007.EmployersAndWorkersGrowthPercent,
            LinkedToOutcomesPercent2007: linked.OutcomeLinkedPercent,
            TcManualParticipants: tcManualOverTime.Total.Participants,
            Fellowships2005: fellowships.Years.SingleOrDefault(y => y.Year == 2005)?.Fellowships ?? 0,
            Fellowships2007: fellowships.Years.SingleOrDefault(y => y.Year == 2007)?.Fellowships ?? 0);
    }

    public void WriteTo(TextWriter log)
    {
        var (p, c, f, t) = (Programming, Coordination, Partnerships, Training);
        log.WriteLine("paper figures (GB.303/TC/1) read back from the platform's reports:");
        log.WriteLine($"  programming: {p.ApprovedIn2007} DWCPs approved in 2007 (paper: 27), {p.InPreparation} in preparation (paper: 80)");
        log.WriteLine($"  coordination: {c.DeliveringAsOnePilots} Delivering-as-One pilots (paper: 8); {c.JointProgrammesApproved} approved joint programmes in {c.JointProgrammeCountries} countries (paper: 40 in 50), led in {string.Join(", ", c.JointProgrammesLedIn)} (paper: Albania, Costa Rica, Peru, the Philippines)");
        log.WriteLine($"  coordination: {c.CountriesWithLinkedOutcomes} countries with DWCP outcomes linked to their UNDAF; decent work missing from the active UNDAF in {string.Join(", ", c.DecentWorkGapCountries)} (non-resident first); {c.ToolkitAgenciesCompleted} agencies completed a Toolkit assessment (paper: 11)");
        log.WriteLine($"  partnerships: US${f.Approved2006To2007:N0} approved in 2006-07 (paper: US$467 million); largest donor in 2007 {f.LargestDonor2007} with US${f.LargestDonor2007Amount:N0} (paper: the EU, US$65.8 million)");
        log.WriteLine($"  partnerships: {f.FieldOfficeSharePercent}% mobilised by field offices (paper: 25-35); {f.ProjectsLinkedPercent}% of projects linked to outcomes and objectives (paper: 98); Africa {f.AfricaSharePercent2007}% of 2007 approvals, {f.AfricaChangePercent2007}% on 2006");
        log.WriteLine($"  partnerships: RBSA 2008-09 US${f.RbsaContributed2008:N0}, US${f.RbsaAfrica2008:N0} to Africa (paper: US$44 million, US$22 million); alignment of {f.Alignment.ReviewedCount} agreements: {f.Alignment.StrategicPriorities}, {f.Alignment.ProgrammingCycles}, {f.Alignment.PredictableFunding}, {f.Alignment.HarmonisedReporting}, {f.Alignment.CommonPrinciples} (paper: 9, 5, 8, 5, 2)");
        log.WriteLine($"  training: {t.Participants2007:N0} participants in 2007 (paper: over 12,000); employers and workers {t.EmployersAndWorkersPercent2007:0.0}% (paper: 25), up {t.EmployersAndWorkersGrowthPercentSince2006:0.0}% since 2006 (paper: 40); {t.LinkedToOutcomesPercent2007:0.0}% linked to outcomes (paper: 85)");
        log.WriteLine($"  training: {t.TcManualParticipants} trained on the TC Manual course (paper: 175); fellowships {t.Fellowships2005} in 2005, {t.Fellowships2007} in 2007 (paper: almost doubled in two years)");
    }
}
