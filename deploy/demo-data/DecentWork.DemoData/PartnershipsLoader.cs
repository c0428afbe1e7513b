using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Grpc.Core;
using Partnerships = DecentWork.Contracts.Partnerships.V1;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Partners, approvals, RBSA, agreements and projects shaped so the partnerships reports give the
/// paper's figures: US$467 million approved in 2006-07, the EU the largest donor in 2007 with
/// US$65.8 million, 25-35 per cent mobilised by field offices (here 29.98), RBSA US$44 million for
/// 2008-09 with US$22 million for Africa, the nine-agreement alignment review (9, 5, 8, 5, 2) and 98
/// per cent of projects linked to outcomes. How the totals split across partners, countries and
/// projects is illustrative. Safe to run again.
/// </summary>
public sealed class PartnershipsLoader(Partnerships.PartnershipsService.PartnershipsServiceClient partnerships)
{
    private sealed record ApprovalSeed(string Partner, int Year, decimal AmountUsd, bool FieldOffice, string Country,
        Partnerships.FundingSource Source = Partnerships.FundingSource.ExtraBudgetary);

    private static readonly (string Name, Partnerships.PartnerCategory Category, string Country)[] PartnerSeeds =
    [
        ("European Union", Partnerships.PartnerCategory.EuropeanUnion, ""),
        ("Kingdom of the Netherlands", Partnerships.PartnerCategory.BilateralGovernment, "NLD"),
        ("United States", Partnerships.PartnerCategory.BilateralGovernment, "USA"),
        ("Norway", Partnerships.PartnerCategory.BilateralGovernment, "NOR"),
        ("Spain", Partnerships.PartnerCategory.BilateralGovernment, "ESP"),
        ("Germany", Partnerships.PartnerCategory.BilateralGovernment, "DEU"),
        ("Denmark", Partnerships.PartnerCategory.BilateralGovernment, "DNK"),
        ("Sweden", Partnerships.PartnerCategory.BilateralGovernment, "SWE"),
        ("United Kingdom", Partnerships.PartnerCategory.BilateralGovernment, "GBR"),
        ("Japan", Partnerships.PartnerCategory.BilateralGovernment, "JPN"),
        ("Italy", Partnerships.PartnerCategory.BilateralGovernment, "ITA"),
        ("Belgium", Partnerships.PartnerCategory.BilateralGovernment, "BEL"),
        ("Canada", Partnerships.PartnerCategory.BilateralGovernment, "CAN"),
        ("World Bank", Partnerships.PartnerCategory.InternationalFinancialInstitution, ""),
        ("Bill & Melinda Gates Foundation", Partnerships.PartnerCategory.Foundation, "USA"),
        ("Government of Brazil", Partnerships.PartnerCategory.SouthSouth, "BRA"),
    ];

    /// <summary>2006: US$196.6 million; 2007: US$270.4 million ("over US$270 million extra-budgetary"); together US$467 million.</summary>
    private static readonly ApprovalSeed[] Approvals =
    [
        new("Kingdom of the Netherlands", 2006, 40_000_000m, false, "IDN"),
        new("United States", 2006, 28_000_000m, false, "BGD"),
        new("Norway", 2006, 22_000_000m, true, "MOZ"),
        new("Spain", 2006, 15_000_000m, true, "PER"),
        new("European Union", 2006, 30_000_000m, false, "ZAF"),
        new("Germany", 2006, 14_000_000m, false, "VNM"),
        new("Denmark", 2006, 12_000_000m, true, "TZA"),
        new("Sweden", 2006, 10_000_000m, false, "KEN"),
        new("United Kingdom", 2006, 7_600_000m, false, "PAK"),
        new("Japan", 2006, 6_000_000m, true, "KHM"),
        new("Italy", 2006, 12_000_000m, false, "EGY"),
        // The EU's three 2007 approvals add up to US$65.8 million, each allocated to a pilot's or Zambia's DWCP outcome.
        new("European Union", 2007, 24_300_000m, false, "TZA"),
        new("European Union", 2007, 21_500_000m, false, "ZMB"),
        new("European Union", 2007, 20_000_000m, false, "ALB"),
        new("Kingdom of the Netherlands", 2007, 38_000_000m, true, "GHA"),
        new("United States", 2007, 30_000_000m, false, "JOR"),
        new("Norway", 2007, 25_000_000m, false, "MWI"),
        new("Spain", 2007, 24_000_000m, true, "BOL"),
        new("Germany", 2007, 18_000_000m, false, "IND"),
        new("Denmark", 2007, 15_000_000m, true, "UGA"),
        new("Sweden", 2007, 12_000_000m, false, "ZMB"),
        new("United Kingdom", 2007, 11_000_000m, false, "NGA"),
        new("Italy", 2007, 8_600_000m, false, "LBN"),
        new("Japan", 2007, 6_000_000m, false, "PHL"),
        new("World Bank", 2007, 5_000_000m, false, "SEN"),
        new("Bill & Melinda Gates Foundation", 2007, 4_000_000m, false, "ETH"),
        new("Government of Brazil", 2007, 1_200_000m, true, "MOZ"),
        new("Belgium", 2007, 3_800_000m, true, "COD"),
        new("Canada", 2007, 3_000_000m, true, "HTI"),
        // RBSA for 2008-09: US$44 million of un-earmarked money, allocated afterwards through the pool.
        new("Kingdom of the Netherlands", 2008, 12_000_000m, false, "", Partnerships.FundingSource.Rbsa),
        new("Norway", 2008, 10_000_000m, false, "", Partnerships.FundingSource.Rbsa),
        new("United Kingdom", 2008, 8_000_000m, false, "", Partnerships.FundingSource.Rbsa),
        new("Denmark", 2008, 6_000_000m, false, "", Partnerships.FundingSource.Rbsa),
        new("Belgium", 2008, 4_000_000m, false, "", Partnerships.FundingSource.Rbsa),
        new("Sweden", 2008, 4_000_000m, false, "", Partnerships.FundingSource.Rbsa),
    ];

    /// <summary>"US$22 million of RBSA resources have been specifically allocated to Africa"; the other regions' shares are illustrative.</summary>
    private static readonly (Programming.IloRegion Region, decimal AmountUsd)[] RbsaAllocations =
    [
        (Programming.IloRegion.Africa, 22_000_000m), (Programming.IloRegion.AsiaPacific, 8_000_000m), (Programming.IloRegion.Americas, 5_000_000m),
        (Programming.IloRegion.EuropeCentralAsia, 5_000_000m), (Programming.IloRegion.ArabStates, 4_000_000m),
    ];

    /// <summary>The paper's review of nine agreements: which of the five alignment questions each met (9, 5, 8, 5, 2 in all).</summary>
    private static readonly (string Partner, bool Cycles, bool Predictable, bool Reporting, bool CommonPrinciples)[] ReviewedAgreements =
    [
        ("Kingdom of the Netherlands", true, true, true, true), ("Norway", true, true, true, true), ("Spain", true, true, true, false),
        ("Denmark", true, true, false, false), ("Sweden", true, true, false, false), ("United Kingdom", false, true, true, false),
        ("Belgium", false, true, true, false), ("Germany", false, true, false, false), ("Italy", false, false, false, false),
    ];

    /// <summary>Loads everything; returns partner ids by name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        var partners = new Dictionary<string, string>();
        foreach (var (name, category, country) in PartnerSeeds) partners[name] = await PartnerAsync(name, category, country);
        await ApprovalsAsync(partners, programmes);
        await RbsaAsync();
        await AgreementsAsync(partners);
        await ProjectsAsync(partners, programmes);
        return partners;
    }

    private async Task<string> PartnerAsync(string name, Partnerships.PartnerCategory category, string country)
    {
        var request = new Partnerships.ListPartnersRequest { PageSize = 100, Category = category };
        var existing = await partnerships.ListPartnersAsync(request);
        if (existing.Partners.FirstOrDefault(p => p.Name == name) is { } found) return found.Id;
        return (await partnerships.RegisterPartnerAsync(new Partnerships.RegisterPartnerRequest { Name = name, Category = category, CountryCode = country })).Id;
    }

    /// <summary>
    /// Each approval carries a request id of its own, so recording it again (a second run, or a
    /// retry after a timeout) returns the approval already recorded instead of counting the money twice.
    /// </summary>
    private async Task ApprovalsAsync(Dictionary<string, string> partners, IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        foreach (var group in Approvals.GroupBy(a => (a.Partner, a.Year)))
            foreach (var (seed, index) in group.Select((s, i) => (s, i)))
                await WhenKnown.RetryAsync(() => partnerships.RecordFundingApprovalAsync(ApprovalRequest(seed, index, partners[seed.Partner], programmes)).ResponseAsync);
    }

    private static Partnerships.RecordFundingApprovalRequest ApprovalRequest(ApprovalSeed seed, int index, string partnerId,
        IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        var request = new Partnerships.RecordFundingApprovalRequest
        {
            RequestId = $"demo:{seed.Year}:{new string(seed.Partner.Where(char.IsLetterOrDigit).ToArray())}:{index + 1}",
            PartnerId = partnerId,
            Amount = ProtoConvert.ToMoney(seed.AmountUsd),
            Year = seed.Year,
            ApprovalDate = ProtoConvert.ToDate(new DateOnly(seed.Year, 3 + 2 * index, 1 + index)),
            Source = seed.Source,
            Earmarking = seed.Source == Partnerships.FundingSource.Rbsa ? Partnerships.Earmarking.Unearmarked : Partnerships.Earmarking.Earmarked,
            MobilisedBy = seed.FieldOffice ? Partnerships.MobilisedBy.FieldOffice : Partnerships.MobilisedBy.Headquarters,
        };
        if (seed.Country.Length == 0) return request; // RBSA: allocated later through the pool
        var allocation = new Partnerships.FundingAllocation
        {
            Region = (Programming.IloRegion)(int)Countries.ByCode[seed.Country].Region,
            CountryCode = seed.Country,
            Amount = ProtoConvert.ToMoney(seed.AmountUsd),
        };
        // Part of the EU's 2007 money is allocated to the DWCP's youth employment outcome, so programming
        // shows it against that outcome's need; the rest stays with the country's wider programme of work.
        if (seed.Partner == "European Union" && seed.Year == 2007 && programmes.TryGetValue(seed.Country, out var programme))
        {
            var outcome = programme.Priorities[0].Outcomes[0];
            var toOutcome = 1_200_000m;
            allocation.Amount = ProtoConvert.ToMoney(seed.AmountUsd - toOutcome);
            request.Allocations.Add(new Partnerships.FundingAllocation
            {
                Region = allocation.Region,
                CountryCode = seed.Country,
                ProgrammeId = programme.Id,
                OutcomeId = outcome.Id,
                StrategicObjective = (int)outcome.StrategicObjective,
                Amount = ProtoConvert.ToMoney(toOutcome),
            });
        }
        request.Allocations.Add(allocation);
        return request;
    }

    private async Task RbsaAsync()
    {
        var pool = await partnerships.GetRbsaPoolAsync(new Partnerships.GetRbsaPoolRequest { BienniumStartYear = 2008 });
        if (pool.Allocations.Count > 0) return;
        foreach (var (region, amount) in RbsaAllocations)
            await partnerships.AllocateRbsaAsync(new Partnerships.AllocateRbsaRequest
            {
                BienniumStartYear = 2008,
                Region = region,
                Amount = ProtoConvert.ToMoney(amount),
                Note = "Decent work country programme outcomes with the largest funding gaps",
            });
    }

    private async Task AgreementsAsync(Dictionary<string, string> partners)
    {
        foreach (var (seed, index) in ReviewedAgreements.Select((s, i) => (s, i)))
        {
            var partnerId = partners[seed.Partner];
            var title = $"{seed.Partner}-ILO partnership programme 2006-2009";
            var existing = await partnerships.ListAgreementsAsync(new Partnerships.ListAgreementsRequest { PartnerId = partnerId, PageSize = 50 });
            var agreement = existing.Agreements.FirstOrDefault(a => a.Title == title)
                ?? await partnerships.RegisterAgreementAsync(new Partnerships.RegisterAgreementRequest
                {
                    PartnerId = partnerId,
                    Title = title,
                    Kind = Partnerships.AgreementKind.MultiYearFramework,
                    StartDate = ProtoConvert.ToDate(new DateOnly(2006, 1, 1)),
                    EndDate = ProtoConvert.ToDate(new DateOnly(2009, 12, 31)),
                    PledgedAmount = ProtoConvert.ToMoney(20_000_000m + 5_000_000m * index),
                    Earmarking = Partnerships.Earmarking.SoftlyEarmarked,
                    ThematicProvisions = { Partnerships.ThematicProvision.GenderEquality, Partnerships.ThematicProvision.Tripartism },
                });
            if (agreement.AlignmentReview is not null) continue;
            await partnerships.ReviewAgreementAlignmentAsync(new Partnerships.ReviewAgreementAlignmentRequest
            {
                PartnerId = partnerId,
                Id = agreement.Id,
                StrategicPriorities = Finding(true),
                ProgrammingCycles = Finding(seed.Cycles),
                PredictableFunding = Finding(seed.Predictable),
                HarmonisedReporting = Finding(seed.Reporting),
                CommonPrinciples = Finding(seed.CommonPrinciples),
                ReviewDate = ProtoConvert.ToDate(new DateOnly(2008, 5, 1 + index)),
            });
        }
    }

    private static Partnerships.AlignmentFinding Finding(bool met) =>
        new() { Met = met, Note = met ? "Provided for in the agreement" : "Not provided for; to raise at the next review" };

    /// <summary>50 projects over 2006-07: 49 linked to a DWCP outcome and a strategic objective, one not; 30 appraised and approved.</summary>
    private async Task ProjectsAsync(Dictionary<string, string> partners, IReadOnlyDictionary<string, Programming.Programme> programmes)
    {
        var countries = programmes.Keys.Order(StringComparer.Ordinal).ToList();
        var partnerIds = partners.Values.ToList();
        for (var i = 0; i < 50; i++)
        {
            var country = countries[i * countries.Count / 50];
            var outcome = programmes[country].Priorities[0].Outcomes[0];
            var request = new Partnerships.RegisterProjectRequest
            {
                Code = $"{country}/{6 + i % 2:00}/{i + 1:00}/DEMO",
                Title = $"Decent work for young women and men in {Countries.ByCode[country].Name}",
                CountryCodes = { country },
                PartnerIds = { partnerIds[i % partnerIds.Count] },
                Budget = ProtoConvert.ToMoney(750_000m + 50_000m * (i % 10)),
                StartDate = ProtoConvert.ToDate(new DateOnly(2006 + i % 2, 1 + i % 12, 1)),
                EndDate = ProtoConvert.ToDate(new DateOnly(2009 + i % 2, 12, 31)),
            };
            if (i != 49)
            {
                request.OutcomeIds.Add(outcome.Id);
                request.StrategicObjectives.Add((int)outcome.StrategicObjective);
            }
            Partnerships.Project project;
            try { project = await partnerships.RegisterProjectAsync(request); }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { continue; }
            if (i < 30) await ApproveAsync(project, new DateOnly(2007, 1 + i % 12, 15));
        }
    }

    private async Task ApproveAsync(Partnerships.Project project, DateOnly approvedOn)
    {
        var satisfactory = new Partnerships.AppraisalFinding { Satisfactory = true, Note = "Meets the appraisal guideline" };
        await partnerships.AppraiseProjectAsync(new Partnerships.AppraiseProjectRequest
        {
            Id = project.Id,
            Appraisal = new Partnerships.ProjectAppraisal
            {
                Relevance = satisfactory, Design = satisfactory, FinancialFeasibility = satisfactory,
                LegalFeasibility = satisfactory, Sustainability = satisfactory, Coherence = satisfactory,
                Appraiser = "Programming and appraisal unit",
                AppraisalDate = ProtoConvert.ToDate(approvedOn.AddDays(-30)),
            },
        });
        await partnerships.ReviewProjectGenderAsync(new Partnerships.ReviewProjectGenderRequest
        {
            Id = project.Id,
            Review = new Partnerships.GenderPeerReview { Cleared = true, Reviewer = "Gender bureau", ReviewDate = ProtoConvert.ToDate(approvedOn.AddDays(-20)) },
        });
        await partnerships.ApproveProjectAsync(new Partnerships.ApproveProjectRequest { Id = project.Id, ApprovedOn = ProtoConvert.ToDate(approvedOn) });
    }
}
