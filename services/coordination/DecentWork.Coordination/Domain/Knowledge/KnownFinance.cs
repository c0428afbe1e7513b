using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>A year's budget and expenditure in one place. Settable so both stores map it.</summary>
public sealed class FinanceShare
{
    public int Year { get; set; }

    /// <summary>Empty for a project in several countries.</summary>
    public string CountryCode { get; set; } = "";

    /// <summary>Null for a project across regions.</summary>
    public IloRegion? Region { get; set; }

    public decimal BudgetUsd { get; set; }
    public decimal ExpenditureUsd { get; set; }
}

/// <summary>
/// This service's view of one of partnerships' finance records (an approval's budget book or a
/// financial transaction), reduced to what the region comparison needs: the budget and expenditure
/// it puts in each year and place. Same id as the record; replaced whole by each newer
/// ProjectFinanceChanged (by revision), so a late or repeated event changes nothing.
/// </summary>
public sealed class KnownFinance : Aggregate
{
    private KnownFinance() { }

    public int Revision { get; private set; }
    public List<FinanceShare> Shares { get; private set; } = [];

    public static KnownFinance From(ProjectFinanceChanged changed) => new()
    {
        Id = changed.SourceId,
        Revision = changed.Revision,
        Shares = [.. changed.Shares.Select(s => new FinanceShare
        {
            Year = s.Year,
            CountryCode = s.CountryCode.ToUpperInvariant(),
            Region = Enum.IsDefined((IloRegion)s.Region) ? (IloRegion)s.Region : null,
            BudgetUsd = s.BudgetUsd,
            ExpenditureUsd = s.ExpenditureUsd,
        })],
    };

    /// <summary>Takes the newer state's shares; false (nothing to save) when it is not newer than this one.</summary>
    public bool Replace(KnownFinance newer)
    {
        if (newer.Id != Id) throw new ArgumentException("Not the same finance record.", nameof(newer));
        if (newer.Revision <= Revision) return false;
        (Revision, Shares) = (newer.Revision, newer.Shares);
        return true;
    }
}

/// <summary>
/// Budget and expenditure by region and country, over every year ("budget", "expenditure") and per
/// year ("budget-2007", "expenditure-2007"), so the comparison reads one bucket per country whatever
/// the year asked. Money of a project across regions is kept under region 0: it counts in the
/// between-regions total only.
/// </summary>
public sealed class FinanceByCountryProjection : Projection<KnownFinance>
{
    public override string Name => "region-finance";

    public override void Contribute(KnownFinance state, Contributions contributions)
    {
        foreach (var share in state.Shares)
        {
            var key = RegionComparison.Key(share.Region ?? RegionComparison.AcrossRegions, share.CountryCode);
            contributions.Add(key, RegionComparison.BudgetFigure(null), share.BudgetUsd)
                .Add(key, RegionComparison.BudgetFigure(share.Year), share.BudgetUsd)
                .Add(key, RegionComparison.ExpenditureFigure(null), share.ExpenditureUsd)
                .Add(key, RegionComparison.ExpenditureFigure(share.Year), share.ExpenditureUsd);
        }
    }
}
