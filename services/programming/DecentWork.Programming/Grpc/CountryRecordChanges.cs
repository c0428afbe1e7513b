using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// Gender audits and ratification targets are scoped by their country, as programmes are: the
/// steps their RPCs share (load as the caller may see it, then the shared change helper).
/// </summary>
public sealed partial class ProgrammingService
{
    /// <summary>A record of a country the caller may not see answers exactly as an unknown id does.</summary>
    private static async Task<T> FindInCountryScopeAsync<T>(IAggregateStore<T> store, string resource, Guid id, string requestedId, Func<T, string> countryOf,
        Caller caller, CancellationToken cancellationToken) where T : Aggregate
    {
        var found = await store.FindAsync(id, cancellationToken);
        if (found is null || !caller.MaySeeCountry(countryOf(found), GlobalRoles)) throw new NotFoundException(resource, requestedId);
        return found;
    }

    /// <summary>Validates the id and version with the RPC's own violations, then loads, applies as the caller and saves (AggregateChanges).</summary>
    private async Task<T> ChangeInCountryScopeAsync<T>(IAggregateStore<T> store, string resource, string requestedId, string idField, long expectedVersion,
        FieldViolations violations, ServerCallContext context, Func<T, string> countryOf, Func<T, Change, Task> apply) where T : Aggregate
    {
        var id = ProtoConvert.ToId(requestedId);
        violations.Check(id is null, idField, "must be a UUID");
        violations.Check(expectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        return await store.ChangeAsync(token => FindInCountryScopeAsync(store, resource, id!.Value, requestedId, countryOf, caller, token), expectedVersion,
            async found =>
            {
                await apply(found, new Change(caller.Subject, caller.Name, clock.GetUtcNow()));
                return true;
            }, context.CancellationToken);
    }

    /// <summary>A new record in <paramref name="country"/> needs a caller who sees that country.</summary>
    private static Caller EnsureMayWriteIn(Country country, ServerCallContext context, string what)
    {
        var caller = Caller.From(context);
        if (!caller.MaySeeCountry(country.Code, GlobalRoles))
            throw new PermissionRuleException("COUNTRY_OUTSIDE_SCOPE", $"a country office records {what} of its own countries");
        return caller;
    }
}
