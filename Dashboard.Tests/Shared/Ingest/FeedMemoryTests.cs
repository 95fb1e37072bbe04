using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Shared.Ingest;

/// <summary>
/// <see cref="FeedMemory"/>: on a first load a page asks the database only about ids the run may have met before. Its set of
/// hashes must never forget one (a forgotten id would be inserted over a row the run wrote), and a first load remembered
/// must end exactly as one that asks the database every page.
/// </summary>
public sealed class FeedMemoryTests
{
    [Fact]
    public void HashSet32_AnswersAsHashSet_ThroughGrowth()
    {
        var random = new Random(22);
        var set = new FeedMemory.HashSet32();
        var reference = new HashSet<int>();
        // Small values (many repeats), any value, and the hash 0 that marks an empty slot.
        for (var i = 0; i < 300_000; i++)
        {
            var hash = (i % 3) switch
            {
                0 => random.Next(-50_000, 50_000),
                1 => random.Next(int.MinValue, int.MaxValue),
                _ => i % 1000 == 2 ? 0 : random.Next(),
            };
            Assert.Equal(reference.Add(hash), set.Add(hash));
        }
        Assert.Equal(reference.Count, set.Count);
        Assert.All(reference.Take(10_000), hash => Assert.False(set.Add(hash)));
    }

    [Fact]
    public void Admit_ReturnsIdsMetBefore_OnEarlierPagesOrTwiceInOne_AndIgnoresRejectedItems()
    {
        var memory = new FeedMemory();
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));
        ItemResult<object> Valid(string id) => ItemResult.Valid(new object(), id, at, flagged: false);

        var first = new List<string>();
        memory.Admit([Valid("a"), ItemResult.Tombstone<object>("b", at), ItemResult.Rejected<object>("c", at, "rusak"), Valid("d"), Valid("d")], first);
        Assert.Equal(["d"], first);

        var second = new List<string>();
        memory.Admit([Valid("c"), Valid("b"), Valid("e"), ItemResult.Rejected<object>("a", at, "rusak"), ItemResult.Tombstone<object>("a", at)], second);
        // c was only rejected before (never written): new. b (a tombstone) and a were met.
        Assert.Equal(["b", "a"], second);
    }

    [Fact]
    public async Task FirstLoadRemembered_EndsAsAskingTheDatabaseEveryPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var remembered = await TestDatabase.CreateAsync();
        await using var asked = await TestDatabase.CreateAsync();

        var withMemory = await PostgreSqlGroupedCopyTests.FeedAsync(remembered, ct, remember: true);
        var withoutMemory = await PostgreSqlGroupedCopyTests.FeedAsync(asked, ct, remember: false);

        Assert.Equal(withoutMemory.Counts, withMemory.Counts);
        Assert.Equal(withoutMemory.Rows, withMemory.Rows);
        Assert.Equal(withoutMemory.Quarantine, withMemory.Quarantine);
        // The scenario's ids met again on later pages of the first load were updates, not inserts.
        Assert.True(withMemory.Counts.Sum(c => c.Updated) >= 2, $"{withMemory.Counts.Sum(c => c.Updated)} updates");
    }
}
