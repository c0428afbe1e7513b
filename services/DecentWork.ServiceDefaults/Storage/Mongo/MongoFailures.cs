using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Tells a lost or unready server (no primary found in time, a dropped connection, a node stepping
/// down, a transient transaction error the driver gave up retrying) from a real error, and turns the
/// former into <see cref="StoreUnavailableException"/>: the caller may retry, and gRPC answers
/// UNAVAILABLE with a RetryInfo instead of INTERNAL.
/// </summary>
public static class MongoFailures
{
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        TimeoutException => true, // server selection found no (writable) server in time
        MongoConnectionException or MongoNotPrimaryException or MongoNodeIsRecoveringException or MongoWaitQueueFullException => true,
        MongoExecutionTimeoutException => true,
        MongoException mongo when mongo.HasErrorLabel("TransientTransactionError") || mongo.HasErrorLabel("RetryableWriteError") => true,
        MongoException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    public static async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException(ex);
        }
    }

    public static Task Guard(Func<Task> operation) => Guard(async () =>
    {
        await operation();
        return true;
    });
}
