using DecentWork.ServiceDefaults.Grpc;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using Grouping = DecentWork.Contracts.Partnerships.V1.FundingApprovalGrouping;

namespace DecentWork.DemoData;

/// <summary>
/// The paper's 2007 allocation figures, read back from the allocation and growth reports
/// (ReportFundingApprovals by strategic objective, theme and implementing unit; ReportFundingGrowth).
/// The Bureaux' figure is the ACTEMP and ACTRAV rows together, as the paper gives it.
/// </summary>
public sealed record CorrectionFigures(
    decimal StandardsAndRights2007,
    decimal SocialPartnersCapacity2007,
    decimal Bureaux2007,
    decimal Bureaux2006,
    string BureauxChangePercent2007,
    string UnSystemChangePercent2007)
{
    private static readonly string[] Bureaux = ["ACTEMP", "ACTRAV"];

    public static async Task<CorrectionFigures> ReadAsync(GatewayClients platform)
    {
        var partnerships = platform.Partnerships;
        async Task<List<PartnershipsV1.FundingApprovalTotal>> In2007(Grouping groupBy) => [.. (await partnerships.ReportFundingApprovalsAsync(
            new PartnershipsV1.ReportFundingApprovalsRequest { GroupBy = groupBy, StartYear = 2007, EndYear = 2007 })).Totals];
        var units = await partnerships.ReportFundingGrowthAsync(new PartnershipsV1.ReportFundingGrowthRequest { Year = 2007, GroupBy = Grouping.ImplementingUnit });
        var categories = await partnerships.ReportFundingGrowthAsync(new PartnershipsV1.ReportFundingGrowthRequest { Year = 2007, GroupBy = Grouping.PartnerCategory });
        var bureaux = units.Rows.Where(r => Bureaux.Contains(r.Key)).ToList();
        var (now, before) = (bureaux.Sum(r => ProtoConvert.ToDecimal(r.Amount)), bureaux.Sum(r => ProtoConvert.ToDecimal(r.PreviousAmount)));
        return new CorrectionFigures(
            StandardsAndRights2007: Amount(await In2007(Grouping.StrategicObjective), "1"),
            SocialPartnersCapacity2007: Amount(await In2007(Grouping.Theme), "ALLOCATION_THEME_SOCIAL_PARTNERS_CAPACITY"),
            Bureaux2007: now,
            Bureaux2006: before,
            BureauxChangePercent2007: before == 0 ? "" : Math.Round((now - before) * 100m / before, 2, MidpointRounding.AwayFromZero)
                .ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            UnSystemChangePercent2007: categories.Rows.SingleOrDefault(r => r.Key == "PARTNER_CATEGORY_UN_SYSTEM")?.ChangePercent ?? "");
    }

    private static decimal Amount(List<PartnershipsV1.FundingApprovalTotal> rows, string key) =>
        rows.Where(r => r.Key == key).Sum(r => ProtoConvert.ToDecimal(r.Amount));

    public void WriteTo(TextWriter log)
    {
        log.WriteLine($"  partnerships 2007 allocations: US${StandardsAndRights2007:N0} to standards and rights at work (paper: US$117.6 million); US${SocialPartnersCapacity2007:N0} to the social partners' capacity (paper: US$9.7 million)");
        log.WriteLine($"  partnerships 2007 allocations: US${Bureaux2007:N0} to ACTEMP and ACTRAV, {BureauxChangePercent2007}% on 2006's US${Bureaux2006:N0} (paper: US$7.6 million, +31); UN-system funds {UnSystemChangePercent2007}% on 2006 (paper: +13)");
    }
}
