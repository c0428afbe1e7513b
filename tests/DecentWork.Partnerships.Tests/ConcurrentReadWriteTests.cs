using System.Collections.Concurrent;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// Writers record approvals and register partners over gRPC while readers read every approvals
/// report and walk every list page by page. A report must never count an approval twice or count
/// one that was not written; a walk must never repeat a record nor miss one that was stored before
/// it began. The years 2090-2092 are this class's alone (its fixture is its own service).
/// </summary>
public class ConcurrentReadWriteTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private const int Writers = 4, ApprovalsPerWriter = 30, FirstYear = 2090, Years = 3;
    private const decimal Amount = 1_000.01m;
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ReportsAndLists_WhenWritersInsertConcurrently_NeverDoubleCountRepeatOrSkip()
    {
        var programmeId = await fixture.KnownProgrammeAsync();
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Concurrent donor"));
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var started = 0;
        using var done = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < ApprovalsPerWriter; i++)
            {
                Interlocked.Increment(ref started);
                var approval = await _client.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId, Amount, FirstYear + i % Years));
                acknowledged[approval.Id] = true;
                if (i % 10 == 0) await _client.RegisterPartnerAsync(Requests.Partner($"Writer {w}"));
            }
        })).ToList();
        var readers = new[]
        {
            Task.Run(() => UntilDone(done.Token, () => CheckReportsAsync(programmeId, () => Volatile.Read(ref started)))),
            Task.Run(() => UntilDone(done.Token, () => WalkApprovalsAsync(acknowledged))),
            Task.Run(() => UntilDone(done.Token, WalkPartnersAsync)),
        };
        await Task.WhenAll(writers);
        await done.CancelAsync();
        var walks = await Task.WhenAll(readers);

        Assert.All(walks, count => Assert.True(count > 0, "every reader ran at least once while the writers wrote"));
        var final = await ReportByYear();
        Assert.Equal(Writers * ApprovalsPerWriter, final.ApprovalCount);
        Assert.Equal(Writers * ApprovalsPerWriter * Amount, ProtoConvert.ToDecimal(final.TotalAmount));
        Assert.Equal(Writers * ApprovalsPerWriter, await WalkApprovalsAsync(acknowledged));
    }

    private static async Task<int> UntilDone(CancellationToken done, Func<Task<int>> read)
    {
        var rounds = 0;
        do
        {
            await read();
            rounds++;
        } while (!done.IsCancellationRequested);
        return rounds;
    }

    private Task<ReportFundingApprovalsResponse> ReportByYear() => _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
    {
        GroupBy = FundingApprovalGrouping.Year, StartYear = FirstYear, EndYear = FirstYear + Years - 1,
    }).ResponseAsync;

    /// <summary>Every approvals report agrees with itself and counts no more approvals than were ever sent.</summary>
    private async Task<int> CheckReportsAsync(string programmeId, Func<int> startedSoFar)
    {
        var before = startedSoFar();
        var byYear = await ReportByYear();
        var bySource = await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.Source, StartYear = FirstYear, EndYear = FirstYear + Years - 1,
        });
        var share = await _client.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest { StartYear = FirstYear, EndYear = FirstYear + Years - 1 });
        var gap = await _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = programmeId });
        var after = startedSoFar();

        foreach (var report in new[] { byYear, bySource })
        {
            var total = ProtoConvert.ToDecimal(report.TotalAmount);
            Assert.Equal(report.ApprovalCount * Amount, total); // a bucket counted twice would break this
            Assert.Equal(report.ApprovalCount, report.Totals.Sum(t => t.ApprovalCount));
            Assert.Equal(total, report.Totals.Sum(t => ProtoConvert.ToDecimal(t.Amount)));
            Assert.InRange(report.ApprovalCount, 0, after);
        }
        Assert.InRange(ProtoConvert.ToDecimal(share.TotalAmount), 0m, after * Amount);
        Assert.InRange(ProtoConvert.ToDecimal(gap.Approved), 0m, after * Amount);
        Assert.Equal(0m, ProtoConvert.ToDecimal(gap.Approved) % Amount);
        return before;
    }

    /// <summary>Walks the approvals list; returns how many it saw, each once, including every one acknowledged before it began.</summary>
    private async Task<int> WalkApprovalsAsync(ConcurrentDictionary<string, bool> acknowledged)
    {
        var storedBefore = acknowledged.Keys.ToHashSet();
        var seen = new HashSet<string>();
        var token = "";
        do
        {
            var page = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PageSize = 7, PageToken = token });
            foreach (var approval in page.FundingApprovals)
                Assert.True(seen.Add(approval.Id), $"approval {approval.Id} came twice in one walk");
            token = page.NextPageToken;
        } while (token != "");
        Assert.Empty(storedBefore.Except(seen));
        return seen.Count;
    }

    private async Task<int> WalkPartnersAsync()
    {
        var seen = new HashSet<string>();
        var token = "";
        do
        {
            var page = await _client.ListPartnersAsync(new ListPartnersRequest { PageSize = 3, PageToken = token });
            foreach (var partner in page.Partners) Assert.True(seen.Add(partner.Id), $"partner {partner.Id} came twice in one walk");
            token = page.NextPageToken;
        } while (token != "");
        return seen.Count;
    }
}
