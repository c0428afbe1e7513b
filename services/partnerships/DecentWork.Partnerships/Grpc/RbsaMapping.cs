using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Grpc;

/// <summary>An RBSA pool with its contributions, domain to proto.</summary>
internal static class RbsaMapping
{
    public static Contract.RbsaPool ToProto(RbsaPool pool, decimal contributed)
    {
        var allocated = pool.Allocated();
        var proto = new Contract.RbsaPool
        {
            BienniumStartYear = pool.BienniumStartYear,
            Contributed = Usd(contributed),
            Allocated = Usd(allocated),
            Unallocated = Usd(contributed - allocated),
            Version = pool.Version,
        };
        proto.Allocations.AddRange(pool.Allocations.Select(a => new Contract.RbsaAllocation
        {
            Id = a.Id.ToString(),
            Region = (Region)(int)(a.Region ?? 0),
            OutcomeId = a.OutcomeId?.ToString() ?? "",
            StrategicObjective = a.StrategicObjective ?? 0,
            Amount = Usd(a.AmountUsd),
            Note = a.Note,
            AllocatedAt = ProtoConvert.ToTimestamp(a.AllocatedAt),
            AllocatedBy = a.AllocatedBy,
        }));
        var byRegion = pool.Allocations
            .GroupBy(a => a.Region ?? 0)
            .Select(g => new ReportRow<IloRegion>(g.Key, g.Sum(a => a.AmountUsd), g.Count()))
            .OrderByDescending(r => r.AmountUsd).ThenBy(r => r.Key)
            .ToList();
        proto.ByRegion.AddRange(byRegion.Select(r => new Contract.FundingApprovalTotal
        {
            Key = ReportLabels.Key(r.Key),
            Label = ReportLabels.Of(r.Key),
            Amount = Usd(r.AmountUsd),
            ApprovalCount = r.ApprovalCount,
            SharePercent = FundingReports.Percent(r.AmountUsd, allocated),
            Rank = FundingReports.Rank(r, byRegion),
        }));
        return proto;
    }

    private static Google.Type.Money Usd(decimal amount) => ProtoConvert.ToMoney(amount, FundingApproval.Usd);
}
