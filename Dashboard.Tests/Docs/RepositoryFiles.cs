namespace Dashboard.Tests.Docs;

/// <summary>
/// The repository's own files for the tests that generate documentation (docs/INDICATORS.md, docs/images/*.png):
/// with <c>DASHBOARD_WRITE_DOCS=1</c> they write the files, otherwise they check them or skip.
/// </summary>
internal static class RepositoryFiles
{
    public const string WriteDocsVariable = "DASHBOARD_WRITE_DOCS";

    public static bool WriteDocs => Environment.GetEnvironmentVariable(WriteDocsVariable) == "1";

    /// <summary>The folder holding Dashboard.sln above the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
