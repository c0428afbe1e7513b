using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// A consistent copy of a running service's LiteDB file. Inside the store's one lock (so no
/// operation runs meanwhile) LiteDB's checkpoint moves every committed page from its log into the
/// data file; the data file alone is then the whole store, and is copied byte for byte.
/// Restoring is putting the copy back as &lt;service&gt;.db while the service is stopped.
/// </summary>
public static class EmbeddedBackup
{
    public static long Copy(LiteDbDatabase database, string storeFile, string backupFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(backupFile))!);
        var partial = backupFile + ".partial";
        database.Run(db =>
        {
            db.Checkpoint();
            using var source = new FileStream(storeFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
            return 0;
        });
        // Renamed only when complete, so a backup file is never half a store.
        File.Move(partial, backupFile);
        return new FileInfo(backupFile).Length;
    }
}
