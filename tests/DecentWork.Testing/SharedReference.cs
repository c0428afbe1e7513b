namespace DecentWork.Testing;

/// <summary>
/// The read-only reference folder beside the repository (the IATI schemas, codelists and samples):
/// tests may read it, the platform never does. Found through DECENTWORK_SHARED_DIR, else as a
/// "shared" folder beside any folder above the repository, else /work/shared.
/// </summary>
public static class SharedReference
{
    /// <summary>The folder, or null when this machine has none (tests that need it skip, saying why).</summary>
    public static string? Folder { get; } = Locate();

    public const string Missing = "the shared reference folder (IATI schemas and codelists) is not on this machine; set DECENTWORK_SHARED_DIR";

    /// <summary>A path inside the folder, e.g. Path("iati", "2.03", "codelists").</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Folder ?? throw new InvalidOperationException(Missing), .. parts]);

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("DECENTWORK_SHARED_DIR") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "iati"))) return candidate;
        }
        return Directory.Exists("/work/shared/iati") ? "/work/shared" : null;
    }
}
