using System.Globalization;
using System.Text;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Google.Protobuf;
using Partnerships = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Money after approval for the demo projects that started in 2006: budget lines for 2006 and
/// 2007 funded by their partner's approvals, and the finance system's expenditure imported as CSV,
/// so that the expenditure-growth report gives the paper's "expenditure on technical cooperation
/// in 2007 was 14.5 per cent higher than in 2006 (compared to 5 per cent overall)" for Africa. The
/// amounts are a scaled-down illustration (the paper gives only the rates): Africa US$1,000,000 in
/// 2006 and US$1,145,000 in 2007, the other regions US$4,000,000 and US$4,105,000, so US$5,000,000
/// and US$5,250,000 overall. Safe to run again: budget lines are set, not added, and every CSV line
/// has a fixed source line id, so a second import finds every line unchanged.
/// </summary>
public sealed class ProjectFinanceLoader(Partnerships.PartnershipsService.PartnershipsServiceClient partnerships)
{
    public static readonly (decimal Africa2006, decimal Africa2007, decimal Others2006, decimal Others2007) Expenditure =
        (1_000_000m, 1_145_000m, 4_000_000m, 4_105_000m);

    private const decimal BudgetPerYear = 300_000m;

    public async Task<Partnerships.ImportFinancialTransactionsResponse> LoadAsync()
    {
        var projects = (await DemoProjectsAsync()).Where(p => p.StartDate.Year == 2006).ToList();
        var africa = projects.Where(p => RegionOf(p) == IloRegion.Africa).ToList();
        var others = projects.Except(africa).ToList();
        if (africa.Count == 0 || others.Count == 0)
            throw new InvalidOperationException("The demo projects starting in 2006 must include African and other projects.");

        foreach (var project in projects)
            foreach (var year in new[] { 2006, 2007 })
                await BudgetAsync(project, year);

        var csv = new StringBuilder("source_line_id,project_code,transaction_type,transaction_date,amount,currency,amount_usd,description\r\n");
        foreach (var (group, in2006, in2007) in new[] { (africa, Expenditure.Africa2006, Expenditure.Africa2007), (others, Expenditure.Others2006, Expenditure.Others2007) })
            foreach (var (project, i) in group.Select((p, i) => (p, i)))
            {
                csv.Append(Line(project, "commitment", 2006, BudgetPerYear)).Append(Line(project, "commitment", 2007, BudgetPerYear));
                csv.Append(Line(project, "expenditure", 2006, Share(in2006, group.Count, i))).Append(Line(project, "expenditure", 2007, Share(in2007, group.Count, i)));
            }
        var request = new Partnerships.ImportFinancialTransactionsRequest { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(csv.ToString())) };
        return await partnerships.ImportFinancialTransactionsAsync(request);
    }

    private async Task<List<Partnerships.Project>> DemoProjectsAsync()
    {
        var all = new List<Partnerships.Project>();
        var request = new Partnerships.ListProjectsRequest { PageSize = 200 };
        do
        {
            var page = await partnerships.ListProjectsAsync(request);
            all.AddRange(page.Projects.Where(p => p.Code.EndsWith("/DEMO", StringComparison.Ordinal) && p.PartnerIds.Count == 1 && p.CountryCodes.Count == 1));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    /// <summary>Funds the year's line from the partner's first 2006-07 approval with room for it (one already funding it keeps it).</summary>
    private async Task BudgetAsync(Partnerships.Project project, int year)
    {
        var budget = await partnerships.GetProjectBudgetAsync(new Partnerships.GetProjectBudgetRequest { ProjectId = project.Id });
        if (budget.Lines.Any(l => l.Year == year)) return;
        var approvals = await partnerships.ListFundingApprovalsAsync(new Partnerships.ListFundingApprovalsRequest { PartnerId = project.PartnerIds[0], PageSize = 200 });
        foreach (var approval in approvals.FundingApprovals.Where(a => a.Year is 2006 or 2007 && a.Source != Partnerships.FundingSource.Rbsa))
        {
            try
            {
                await partnerships.SetProjectBudgetLineAsync(new Partnerships.SetProjectBudgetLineRequest
                {
                    ProjectId = project.Id, FundingApprovalId = approval.Id, Year = year, Amount = ProtoConvert.ToMoney(BudgetPerYear),
                });
                return;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
            {
                // This approval has no room left; try the partner's next one.
            }
        }
        throw new InvalidOperationException($"No 2006-07 approval of project {project.Code}'s partner has room for its {year} budget.");
    }

    private static IloRegion? RegionOf(Partnerships.Project project) =>
        Countries.TryFind(project.CountryCodes[0], out var country) ? country.Region : null;

    /// <summary>The i-th of n shares of a total, in cents, adding up to it exactly.</summary>
    private static decimal Share(decimal total, int n, int i)
    {
        var each = Math.Floor(total * 100m / n) / 100m;
        return i == 0 ? total - each * (n - 1) : each;
    }

    private static string Line(Partnerships.Project project, string type, int year, decimal amount)
    {
        var date = type == "commitment" ? new DateOnly(year, 12, 1) : new DateOnly(year, 12, 15);
        var amountText = amount.ToString("0.00", CultureInfo.InvariantCulture);
        return $"demo:{project.Code}:{type}:{year},{project.Code},{type},{date:yyyy-MM-dd},{amountText},USD,,Demo {type} {year}\r\n";
    }
}

/// <summary>The paper's expenditure growth, read back from the growth report.</summary>
public sealed record FinanceFigures(string AfricaChangePercent2007, string OverallChangePercent2007)
{
    public static async Task<FinanceFigures> ReadAsync(Partnerships.PartnershipsService.PartnershipsServiceClient partnerships)
    {
        var growth = await partnerships.ReportExpenditureGrowthAsync(new Partnerships.ReportExpenditureGrowthRequest { Year = 2007 });
        return new FinanceFigures(growth.Regions.SingleOrDefault(r => r.Key == "ILO_REGION_AFRICA")?.ChangePercent ?? "", growth.Overall.ChangePercent);
    }

    public void WriteTo(TextWriter log) =>
        log.WriteLine($"  partnerships: TC expenditure in Africa {AfricaChangePercent2007}% higher in 2007 than in 2006, {OverallChangePercent2007}% overall (paper: 14.5 and 5)");
}
