using System.Globalization;
using DecentWork.ServiceDefaults.Grpc;
using Grpc.Core;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Results, gender audits and ratification support, from the paper: indicator actuals broken down
/// by sex and age group for the Delivering-as-One pilots; "some 3,000 women with disabilities
/// benefited" and "trainers from 22 countries have been certified" as project results; gender
/// audits with the constituents in Kyrgyzstan, Mozambique and Yemen; and the campaign funded by
/// France for Conventions Nos 122 and 144. Which programmes, countries, project codes, dates and
/// breakdowns carry them is illustrative (the paper names none of them; the ratification dates are
/// not the NORMLEX record). Safe to run again: each part looks for what exists first.
/// </summary>
public sealed class ProgrammeResultsDemo(Programming.ProgrammingService.ProgrammingServiceClient programming)
{
    private const string Campaign = "Targeted regional approach, funded by France";

    /// <summary>Targeted countries in French-speaking Africa, Latin America and Asia, with the ratifications recorded in the demo.</summary>
    private static readonly (int Convention, string Country, DateOnly? RatifiedOn)[] Targets =
    [
        (144, "BFA", new DateOnly(2008, 6, 2)), (144, "MLI", null), (144, "NER", null), (144, "TGO", new DateOnly(2008, 11, 5)),
        (122, "BFA", null), (122, "SEN", null), (122, "BOL", null), (144, "HTI", null), (122, "LAO", null), (144, "KHM", null),
    ];

    public async Task LoadAsync(IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        foreach (var country in ProgrammeDemo.Pilots)
            if (programmes.TryGetValue(country, out var pilot)) programmes = WithLatest(programmes, await BreakdownAsync(pilot));
        if (programmes.TryGetValue("TZA", out var tanzania))
            await ResultAsync(tanzania, "INT/06/12/IRL", "Some 3,000 women with disabilities benefited from entrepreneurship training and micro-finance",
                new Programming.Beneficiaries { Total = 3000, Women = 3000, Group = "women with disabilities" }, 0);
        if (programmes.TryGetValue("VNM", out var vietnam))
            await ResultAsync(vietnam, "INT/07/05/ITA", "Trainers from 22 countries have been certified in the Start and Improve Your Business programme",
                new Programming.Beneficiaries { Group = "trainers" }, 22);
        foreach (var country in new[] { "KGZ", "MOZ", "YEM" }) await GenderAuditAsync(country, programmes.GetValueOrDefault(country));
        foreach (var target in Targets) await TargetAsync(target.Convention, target.Country, target.RatifiedOn);
    }

    private static IReadOnlyDictionary<string, Programming.Programme> WithLatest(IReadOnlyDictionary<string, Programming.Programme> programmes, Programming.Programme latest) =>
        new Dictionary<string, Programming.Programme>(programmes) { [latest.CountryCode] = latest };

    /// <summary>A year-end report of the jobs indicator, by sex (complete, so it adds up to the total) and young people (part of it).</summary>
    private async Task<Programming.Programme> BreakdownAsync(Programming.Programme programme)
    {
        if (programme.Status != Programming.ProgrammeStatus.Active) return programme;
        var indicator = programme.Priorities[0].Outcomes[0].Indicators.FirstOrDefault();
        if (indicator is null || indicator.Progress.Any(p => p.Breakdown.Count > 0)) return programme;
        var total = 1500 + 10 * (programme.CountryCode[0] - 'A');
        var women = total * 46 / 100;
        var unreported = total / 50;
        return await programming.RecordIndicatorProgressAsync(new Programming.RecordIndicatorProgressRequest
        {
            ProgrammeId = programme.Id, IndicatorId = indicator.Id, ExpectedVersion = programme.Version,
            ReportedOn = ProtoConvert.ToDate(new DateOnly((programme.PeriodStart.Year + programme.PeriodEnd.Year) / 2, 12, 31)),
            Actual = Text(total), Comment = "Year-end monitoring report, disaggregated by sex and age",
            Breakdown =
            {
                Part("sex", "female", women), Part("sex", "male", total - women - unreported), Part("sex", "other_or_not_reported", unreported),
                Part("age_group", "15_24", total * 7 / 10),
            },
        });
    }

    private async Task ResultAsync(Programming.Programme programme, string projectCode, string description, Programming.Beneficiaries beneficiaries, int countries)
    {
        var outcome = programme.Priorities[0].Outcomes[0];
        if (programme.Status != Programming.ProgrammeStatus.Active || outcome.ProjectResults.Any(r => r.ProjectCode == projectCode)) return;
        await programming.RecordProjectResultAsync(new Programming.RecordProjectResultRequest
        {
            ProgrammeId = programme.Id, OutcomeId = outcome.Id, ProjectCode = projectCode, Description = description, Beneficiaries = beneficiaries,
            CountriesReachedCount = countries, AchievedOn = ProtoConvert.ToDate(new DateOnly(programme.PeriodStart.Year + 1, 10, 31)),
        });
    }

    private async Task GenderAuditAsync(string country, Programming.Programme? programme)
    {
        if ((await programming.ListGenderAuditsAsync(new Programming.ListGenderAuditsRequest { Country = country })).TotalSize > 0) return;
        await programming.RecordGenderAuditAsync(new Programming.RecordGenderAuditRequest
        {
            CountryCode = country, Title = "Participatory gender audit with the ILO constituents",
            HeldOn = ProtoConvert.ToDate(new DateOnly(2007, 10, 15)),
            Participants =
            {
                new Programming.ConsultationParticipation { Group = Programming.ConstituentGroup.Government, Women = 5, Men = 3 },
                new Programming.ConsultationParticipation { Group = Programming.ConstituentGroup.Employers, Women = 2, Men = 3 },
                new Programming.ConsultationParticipation { Group = Programming.ConstituentGroup.Workers, Women = 4, Men = 3 },
            },
            Findings =
            {
                new Programming.GenderAuditFinding { Kind = Programming.GenderAuditFindingKind.GoodPractice, Text = "Gender focal points named in the ministry and both social partners" },
                new Programming.GenderAuditFinding { Kind = Programming.GenderAuditFindingKind.AreaForStrengthening, Text = "Labour statistics are not disaggregated by sex" },
            },
            ProgrammeIds = { programme is { Status: not Programming.ProgrammeStatus.Discarded } ? new[] { programme.Id } : Array.Empty<string>() },
        });
    }

    private async Task TargetAsync(int convention, string country, DateOnly? ratifiedOn)
    {
        var found = await programming.ListRatificationTargetsAsync(new Programming.ListRatificationTargetsRequest { ConventionNumber = convention, Country = country });
        var target = found.RatificationTargets.FirstOrDefault();
        try
        {
            target ??= await programming.TargetRatificationAsync(new Programming.TargetRatificationRequest
            {
                ConventionNumber = convention, CountryCode = country, Campaign = Campaign, SupportingProjectCode = "RAF/07/03/FRA", PartnerName = "France",
                TargetedOn = ProtoConvert.ToDate(new DateOnly(2007, 2, 1)),
            });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return; // another run targeted it meanwhile
        }
        if (ratifiedOn is { } day && target.RatifiedOn is null)
            await programming.RecordRatificationAsync(new Programming.RecordRatificationRequest { RatificationTargetId = target.Id, RatifiedOn = ProtoConvert.ToDate(day) });
    }

    private static Programming.ActualPart Part(string dimension, string category, int value) => new() { Dimension = dimension, Category = category, Value = Text(value) };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
