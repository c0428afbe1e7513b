using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Grpc.Core;
using Coordination = DecentWork.Contracts.Coordination.V1;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// UN-system coordination from the paper: the eight Delivering-as-One pilots with the organisation's
/// roles in their working groups, UNDAFs linked to the pilots' DWCP outcomes, presence, and the MDG
/// Achievement Fund joint programmes ("40 approved joint proposals in 50 countries", "lead agency in
/// four (Albania, Costa Rica, Peru, the Philippines)"). Agencies' shares, the other 36 programmes'
/// countries and UNDAF cycles are illustrative. Safe to run again.
/// </summary>
public sealed class CoordinationLoader(Coordination.CoordinationService.CoordinationServiceClient coordination)
{
    private const string Fund = "MDG Achievement Fund";
    private const string YouthWindow = "Youth, employment and migration";
    private static readonly string[] OtherWindows =
    [
        "Gender equality and women's empowerment", "Democratic economic governance", "Development and the private sector",
        "Conflict prevention and peacebuilding", "Culture and development", "Environment and climate change",
    ];
    private static readonly string[] OtherLeads = ["UNDP", "UNICEF", "FAO", "UNIDO", "UNFPA", "UNESCO"];

    /// <summary>Resident offices among the pilots; the others are covered from a neighbouring office.</summary>
    private static readonly (string Country, string? CoveringOffice)[] PilotPresence =
    [
        ("ALB", "Subregional office, Budapest"), ("CPV", "Country office, Dakar"), ("MOZ", null), ("PAK", null),
        ("RWA", "Country office, Dar es Salaam"), ("TZA", null), ("URY", "Subregional office, Santiago"), ("VNM", null),
    ];

    /// <summary>Active UNDAFs with no DWCP outcome linked yet: the decent-work gaps report's rows.</summary>
    private static readonly (string Country, string? CoveringOffice)[] UnlinkedUndafs =
    [
        ("LAO", "Country office, Bangkok"), ("MDV", "Country office, Colombo"), ("LSO", "Country office, Pretoria"),
        ("GNB", "Country office, Dakar"), ("SUR", "Subregional office, Port of Spain"), ("MNG", "Country office, Beijing"),
        ("KEN", null), ("GHA", null),
    ];

    public async Task LoadAsync(IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        foreach (var (country, office) in PilotPresence.Concat(UnlinkedUndafs)) await PresenceAsync(country, office);
        foreach (var (country, index) in ProgrammeDemo.Pilots.Select((c, i) => (c, i)))
        {
            var undaf = await UndafAsync(country, 2007, 2011, decentWorkObjective: false);
            await LinkAsync(undaf, programmes[country]);
            await PilotAsync(country, index);
        }
        await LinkAsync(await UndafAsync("BRA", 2007, 2011, decentWorkObjective: true), programmes["BRA"]);
        await UndafAsync("MEX", 2008, 2012, decentWorkObjective: true);
        foreach (var (country, _) in UnlinkedUndafs) await UndafAsync(country, 2008, 2012, decentWorkObjective: false);
        await JointProgrammesAsync();
        await ToolkitAssessmentsAsync();
        await CrisisResponsesAsync();
    }

    /// <summary>"11 agencies have completed assessments" (which ones is illustrative), two under way, Tanzania's country team.</summary>
    private async Task ToolkitAssessmentsAsync()
    {
        string[] completed = ["FAO", "UNDP", "UNICEF", "UNFPA", "UNIDO", "UNESCO", "UNHCR", "WFP", "WHO", "UN-HABITAT", "UNAIDS"];
        var seeds = completed.Select((agency, i) => (agency, Country: "", Status: Coordination.ToolkitAssessmentStatus.Completed, Started: new DateOnly(2007, 3 + i % 6, 1)))
            .Append(("IFAD", "", Coordination.ToolkitAssessmentStatus.InProgress, new DateOnly(2008, 4, 1)))
            .Append(("UNEP", "", Coordination.ToolkitAssessmentStatus.InProgress, new DateOnly(2008, 5, 1)))
            .Append(("UNDP", "TZA", Coordination.ToolkitAssessmentStatus.Completed, new DateOnly(2007, 10, 1)));
        foreach (var (agency, country, status, started) in seeds)
        {
            try
            {
                await coordination.RecordToolkitAssessmentAsync(new Coordination.RecordToolkitAssessmentRequest
                {
                    Agency = agency,
                    CountryCode = country,
                    Status = status,
                    StartedOn = ProtoConvert.ToDate(started),
                    CompletedOn = status == Coordination.ToolkitAssessmentStatus.Completed ? ProtoConvert.ToDate(started.AddMonths(5)) : null,
                    SupportedByOrganisation = true,
                    Findings = country.Length > 0 ? "The UN country team found the assessment very useful in widening the joint programme" : "",
                });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { }
        }
    }

    /// <summary>The paper's crisis countries: joint needs assessments and early-recovery joint programmes.</summary>
    private async Task CrisisResponsesAsync()
    {
        var needs = new[] { "BGD", "HTI", "MDG", "MMR" }.Select(c => (Coordination.CrisisResponseKind.JointNeedsAssessment, c));
        var recovery = new[] { "AFG", "BOL", "CHN", "COD", "GTM", "HTI", "IRQ", "LBR", "NPL", "PAK", "PHL", "SDN", "TLS", "PSE" }
            .Select(c => (Coordination.CrisisResponseKind.EarlyRecoveryProgramme, c));
        foreach (var (kind, country) in needs.Concat(recovery))
        {
            var existing = await coordination.ListCrisisResponsesAsync(new Coordination.ListCrisisResponsesRequest { Kind = kind, Country = country });
            if (existing.TotalSize > 0) continue;
            var assessment = kind == Coordination.CrisisResponseKind.JointNeedsAssessment;
            await coordination.RecordCrisisResponseAsync(new Coordination.RecordCrisisResponseRequest
            {
                Kind = kind,
                CountryCode = country,
                Title = assessment ? $"Joint needs assessment, {Countries.ByCode[country].Name}" : $"Early recovery and livelihoods, {Countries.ByCode[country].Name}",
                Crisis = assessment ? "Natural disaster" : "Post-conflict or post-disaster recovery",
                Agencies = { assessment ? ["UNDP", "FAO", "WFP"] : ["UNDP", "FAO", "UNICEF"] },
                OrganisationRole = assessment ? Coordination.OrganisationRole.Member : Coordination.OrganisationRole.Lead,
                StartedOn = ProtoConvert.ToDate(new DateOnly(2007, 6, 1)),
            });
        }
    }

    private async Task PresenceAsync(string country, string? coveringOffice) =>
        await coordination.SetCountryPresenceAsync(new Coordination.SetCountryPresenceRequest
        {
            CountryCode = country,
            Presence = coveringOffice is null ? Coordination.AgencyPresence.Resident : Coordination.AgencyPresence.NonResident,
            CoveringOffice = coveringOffice ?? "",
            ResidentCoordinator = $"UN Resident Coordinator, {Countries.ByCode[country].Name}",
        });

    private async Task<Coordination.Undaf> UndafAsync(string country, int start, int end, bool decentWorkObjective)
    {
        var existing = await coordination.ListUndafsAsync(new Coordination.ListUndafsRequest { Country = country, PageSize = 10 });
        if (existing.Undafs.FirstOrDefault(u => u.CycleStartYear == start) is { } found) return found;
        return await coordination.RegisterUndafAsync(new Coordination.RegisterUndafRequest
        {
            CountryCode = country,
            CycleStartYear = start,
            CycleEndYear = end,
            Status = Coordination.UndafStatus.Active,
            DecentWorkSpecificObjective = decentWorkObjective,
            Outcomes =
            {
                new Coordination.UndafOutcome { Code = "UO1", Statement = "Pro-poor growth with decent and productive employment" },
                new Coordination.UndafOutcome { Code = "UO2", Statement = "Social protection and basic social services for the vulnerable" },
            },
        });
    }

    /// <summary>"DWCPs have shaped UNDAFs": the youth employment and social protection outcomes sit in the UNDAF's.</summary>
    private async Task LinkAsync(Coordination.Undaf undaf, Programming.Programme programme)
    {
        var outcomes = programme.Priorities.SelectMany(p => p.Outcomes).ToList();
        foreach (var (undafOutcome, outcome) in new[] { ("UO1", outcomes[0]), ("UO2", outcomes[2]) })
        {
            await WhenKnown.RetryAsync(() => coordination.LinkOutcomesAsync(new Coordination.LinkOutcomesRequest
            {
                UndafId = undaf.Id,
                UndafOutcomeCode = undafOutcome,
                ProgrammeId = programme.Id,
                ProgrammeOutcomeId = outcome.Id,
            }).ResponseAsync);
        }
    }

    private async Task PilotAsync(string country, int index)
    {
        try
        {
            await coordination.RegisterDeliveringAsOnePilotAsync(new Coordination.RegisterDeliveringAsOnePilotRequest { CountryCode = country, PilotSinceYear = 2007 });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { }
        var groups = country switch
        {
            "PAK" => new[]
            {
                Group("Agriculture, Rural Development and Poverty Reduction", Coordination.OrganisationRole.CoChair, "FAO", "IFAD", "UNDP"),
                Group("Disaster Risk Management", Coordination.OrganisationRole.Member, "UNDP", "WFP"),
                Group("Education", Coordination.OrganisationRole.Member, "UNESCO", "UNICEF"),
                Group("Environment", Coordination.OrganisationRole.Member, "UNDP", "UNEP"),
                Group("Health and Population", Coordination.OrganisationRole.Member, "WHO", "UNFPA"),
            },
            "TZA" => [Group("Wealth creation, employment and empowerment", Coordination.OrganisationRole.Lead, "UNDP", "UNIDO", "FAO")],
            _ => [Group("Employment and economic growth", index % 2 == 0 ? Coordination.OrganisationRole.Chair : Coordination.OrganisationRole.Member, "UNDP", "UNIDO")],
        };
        foreach (var group in groups)
            await coordination.SetWorkingGroupAsync(new Coordination.SetWorkingGroupRequest { CountryCode = country, WorkingGroup = group });
    }

    private static Coordination.WorkingGroup Group(string name, Coordination.OrganisationRole role, params string[] agencies) =>
        new() { Name = name, OrganisationRole = role, Agencies = { agencies.Prepend("ILO") } };

    /// <summary>40 approved: 4 led by the organisation (youth window), 36 led by others over 46 more countries; plus 3 proposals.</summary>
    private async Task JointProgrammesAsync()
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var request = new Coordination.ListJointProgrammesRequest { PageSize = 100 };
        do
        {
            var page = await coordination.ListJointProgrammesAsync(request);
            titles.UnionWith(page.JointProgrammes.Select(j => j.Title));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);

        var led = new[] { "ALB", "CRI", "PER", "PHL" };
        var taken = new HashSet<string>(led.Concat(ProgrammeDemo.Pilots));
        var others = Countries.ByCode.Keys.Where(c => !taken.Contains(c)).Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0).Take(46).ToList();
        var seeds = new List<(string Title, string Window, string[] Countries, string Lead, bool Approved)>();
        foreach (var country in led)
            seeds.Add(($"Youth employment and migration in {Countries.ByCode[country].Name}", YouthWindow, [country], "ILO", true));
        for (int i = 0, next = 0; i < 36; i++)
        {
            // The first ten span two countries each: 36 programmes over 46 countries.
            var countries = i < 10 ? new[] { others[next++], others[next++] } : [others[next++]];
            var window = i % 4 == 0 ? YouthWindow : OtherWindows[i % OtherWindows.Length];
            var names = string.Join(" and ", countries.Select(c => Countries.ByCode[c].Name));
            seeds.Add(($"{window}: joint programme in {names}", window, countries, OtherLeads[i % OtherLeads.Length], true));
        }
        foreach (var country in new[] { "HND", "NIC", "TUN" })
            seeds.Add(($"Youth employment and migration proposal for {Countries.ByCode[country].Name}", YouthWindow, [country], "ILO", false));

        foreach (var (seed, index) in seeds.Select((s, i) => (s, i)).Where(s => !titles.Contains(s.s.Title)))
        {
            var organisationShare = 600_000m + 50_000m * (index % 9);
            var joint = await coordination.RegisterJointProgrammeAsync(new Coordination.RegisterJointProgrammeRequest
            {
                Title = seed.Title,
                Fund = Fund,
                ThematicWindow = seed.Window,
                CountryCodes = { seed.Countries },
                LeadAgency = seed.Lead,
                Agencies =
                {
                    new Coordination.ParticipatingAgency { Agency = "ILO", BudgetShare = ProtoConvert.ToMoney(organisationShare) },
                    new Coordination.ParticipatingAgency { Agency = seed.Lead == "ILO" ? "UNDP" : seed.Lead, BudgetShare = ProtoConvert.ToMoney(1_800_000m) },
                    new Coordination.ParticipatingAgency { Agency = seed.Lead == "UNICEF" ? "IOM" : "UNICEF", BudgetShare = ProtoConvert.ToMoney(900_000m) },
                },
            });
            if (seed.Approved)
                await coordination.ApproveJointProgrammeAsync(new Coordination.ApproveJointProgrammeRequest
                {
                    Id = joint.Id,
                    ApprovedOn = ProtoConvert.ToDate(new DateOnly(2008, 1 + index % 12, 15)),
                });
        }
    }
}
