using System.Text;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using Google.Protobuf;
using Google.Type;

namespace DecentWork.Partnerships.Tests;

/// <summary>What the finance tests set up through the API: a partner, its approval, its projects; CSV files.</summary>
internal sealed class FinanceSteps(PartnershipsFixture fixture)
{
    public PartnershipsService.PartnershipsServiceClient Staff { get; } = new(fixture.Service.Channel);

    public async Task<(Partner Partner, FundingApproval Approval)> ApprovalAsync(decimal amount, int year = 2007)
    {
        var partner = await Staff.RegisterPartnerAsync(Requests.Partner());
        var programmeId = await fixture.KnownProgrammeAsync();
        var approval = await Staff.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId, amount, year));
        return (partner, approval);
    }

    public Task<Project> ProjectAsync(string partnerId, decimal budget, string country = "ZMB", int startYear = 2006, int endYear = 2008) =>
        Staff.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"{country}/{Guid.NewGuid():N}", Title = "Decent work for youth", CountryCodes = { country }, PartnerIds = { partnerId },
            Budget = ProtoConvert.ToMoney(budget),
            StartDate = new Date { Year = startYear, Month = 1, Day = 1 }, EndDate = new Date { Year = endYear, Month = 12, Day = 31 },
        }).ResponseAsync;

    public Task<ProjectBudget> BudgetAsync(Project project, FundingApproval approval, int year, decimal amount) =>
        Staff.SetProjectBudgetLineAsync(new SetProjectBudgetLineRequest
        {
            ProjectId = project.Id, FundingApprovalId = approval.Id, Year = year, Amount = ProtoConvert.ToMoney(amount),
        }).ResponseAsync;

    public const string Header = "source_line_id,project_code,transaction_type,transaction_date,amount,currency,amount_usd,description";

    public static ImportFinancialTransactionsRequest Csv(bool dryRun, params string[] rows) => new()
    {
        Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n")),
        DryRun = dryRun,
    };

    public static string Row(string id, Project project, string type, string date, string amount, string currency = "USD", string usd = "",
        string description = "") =>
        $"{id},{project.Code},{type},{date},{amount},{currency},{usd},{description}";

    public static string NewLineId() => $"GL-{Guid.NewGuid():N}";
}
