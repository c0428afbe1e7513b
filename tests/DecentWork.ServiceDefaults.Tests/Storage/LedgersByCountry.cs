using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The projection the contract tests keep: per country and in all, how many ledgers and their
/// balances. The version and the figure's name are parameters so a test can change what it contributes.
/// </summary>
public sealed class LedgersByCountry(int version = 1, string balanceFigure = "balance") : Projection<Ledger>
{
    public const string ProjectionName = "ledgers-by-country";
    public const string AllCountries = "*";

    public override string Name => ProjectionName;
    public override int Version => version;
    public string BalanceFigure => balanceFigure;

    public override void Contribute(Ledger state, Contributions contributions)
    {
        foreach (var key in new[] { BucketKey.Of("country", state.Country), BucketKey.Of("country", AllCountries) })
            contributions.Count(key).Add(key, balanceFigure, state.Balance);
    }
}
