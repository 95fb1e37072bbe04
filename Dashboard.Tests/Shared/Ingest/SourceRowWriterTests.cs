using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Shared.Ingest;

public sealed class SourceRowWriterTests
{
    [Fact]
    public async Task Sqlite_UpsertRules_HoldThroughThePreparedWritePath()
    {
        await using var db = await TestDatabase.CreateAsync();
        await UpsertScenario.RunAsync(db, TestContext.Current.CancellationToken);
    }
}
