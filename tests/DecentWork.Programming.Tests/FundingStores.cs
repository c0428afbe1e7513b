using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Programming's programme and funding contribution stores over one embedded database in a folder
/// of its own, with the projections a test reads; disposing it deletes the folder.
/// </summary>
internal sealed class FundingStores : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"funding-{Guid.NewGuid():N}");
    private readonly LiteDbDatabase _db;

    public FundingStores(IReadOnlyList<Projection<Programme>> programmeProjections, IReadOnlyList<Projection<FundingContribution>> contributionProjections)
    {
        Directory.CreateDirectory(_folder);
        _db = new LiteDbDatabase(Path.Combine(_folder, "programming.db"));
        Programmes = new LiteDbAggregateStore<Programme>(_db, "programmes", [], new OutboxSignal(), programmeProjections);
        Contributions = new LiteDbAggregateStore<FundingContribution>(_db, "funding_contributions", [], new OutboxSignal(), contributionProjections);
        Buckets = new LiteDbProjectionReader(_db);
    }

    public LiteDbAggregateStore<Programme> Programmes { get; }
    public LiteDbAggregateStore<FundingContribution> Contributions { get; }
    public LiteDbProjectionReader Buckets { get; }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
