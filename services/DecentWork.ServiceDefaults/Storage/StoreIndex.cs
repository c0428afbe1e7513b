using System.Linq.Expressions;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>An index an aggregate's queries or invariants need; created at start-up by both adapters.</summary>
public sealed record StoreIndex<T>(Expression<Func<T, object>> Field, bool Unique = false);

/// <summary>Implemented by each adapter's store: creates its indexes before the service takes traffic.</summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
