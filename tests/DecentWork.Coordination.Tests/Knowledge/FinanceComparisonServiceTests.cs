using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;
using RegionComparisonRow = DecentWork.Contracts.Coordination.V1.RegionComparisonRow;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>The region comparison's budget and expenditure come from partnerships' ProjectFinanceChanged over the broker, corrections included.</summary>
public class FinanceComparisonServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private const int Year = 2033;
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private static ProjectFinanceChanged Book(Guid id, int revision, decimal budget) => new(id, revision, [new(Year, "MWI", 1, budget, 0m)]);

    private static ProjectFinanceChanged Expenditure(Guid id, int revision, int year, decimal usd) => new(id, revision, [new(year, "MWI", 1, 0m, usd)]);

    [Fact]
    public async Task ReportRegionComparison_WhenBudgetsAndExpenditureAreCorrected_FollowsTheLatestStateOfEachRecord()
    {
        var (book, spentBefore, spent, corrected) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Bus.Publish(Book(book, 1, 400_000m));
        await Bus.Publish(Expenditure(spentBefore, 1, Year - 1, 80_000m));
        await Bus.Publish(Expenditure(spent, 1, Year, 90_000m));
        await MalawiAsync(r => Usd(r?.Expenditure) == 90_000m && Usd(r?.Budget) == 400_000m && Usd(r?.PreviousExpenditure) == 80_000m);

        // A lowered line and a re-imported expenditure moved to the year before; then the newest state of a
        // third record before its first one, which must not count once it arrives late.
        await Bus.Publish(Book(book, 2, 300_000m));
        await Bus.Publish(Expenditure(spent, 2, Year - 1, 90_000m));
        await Bus.Publish(Expenditure(corrected, 2, Year, 120_000m));
        await MalawiAsync(r => Usd(r?.Budget) == 300_000m && Usd(r?.Expenditure) == 120_000m);
        await Bus.Publish(Expenditure(corrected, 1, Year, 5_000_000m));
        await Bus.Publish(Book(book, 1, 400_000m));
        // One more record on the same queue: once it counts, the late ones have most likely been handled too.
        await Bus.Publish(Expenditure(Guid.NewGuid(), 1, Year, 1m));
        var malawi = await MalawiAsync(r => Usd(r?.Expenditure) >= 120_001m);

        Assert.Equal((300_000m, 120_001m, 170_000m, "40.00", "-29.41"),
            (Usd(malawi!.Budget), Usd(malawi.Expenditure), Usd(malawi.PreviousExpenditure), malawi.DeliveryPercent, malawi.ExpenditureChangePercent));
        var everyYear = (await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = Region.Africa })).Rows.Single(r => r.CountryCode == "MWI");
        Assert.Equal((300_000m, 290_001m, ""), (Usd(everyYear.Budget), Usd(everyYear.Expenditure), everyYear.ExpenditureChangePercent));
    }

    [Fact]
    public async Task ReportRegionComparison_WhenTheYearIsOutOfRange_IsRefusedNamingTheField()
    {
        await RpcAssert.InvalidFields(() => _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = Region.Africa, Year = 1989 }).ResponseAsync,
            "year");
        await RpcAssert.InvalidFields(() => _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Year = 2101 }).ResponseAsync, "year");
    }

    private static decimal Usd(Google.Type.Money? money) => money is null ? 0m : ProtoConvert.ToDecimal(money);

    private Task<RegionComparisonRow?> MalawiAsync(Func<RegionComparisonRow?, bool> done) => Eventually.Until(async () =>
            (await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = Region.Africa, Year = Year })).Rows
            .SingleOrDefault(r => r.CountryCode == "MWI"),
        done, what: "Malawi's budget and expenditure in the comparison");
}
