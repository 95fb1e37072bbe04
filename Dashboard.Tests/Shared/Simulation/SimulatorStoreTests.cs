using Dashboard.Simulators.Shared;

namespace Dashboard.Tests.Shared.Simulation;

public sealed class SimulatorStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    private static List<SimulatorRecord<int>> ReadAll(SimulatorStore<int> store, int limit, DateTimeOffset? since = null)
    {
        var all = new List<SimulatorRecord<int>>();
        SimulatorCursor? cursor = null;
        do
        {
            var page = store.Page(since, cursor, limit);
            Assert.True(page.Items.Count <= limit);
            all.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return all;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void Page_WalksEveryRecordOnce_InUpdatedAtIdOrder_WithTies(int limit)
    {
        var store = new SimulatorStore<int>(new SimulatorFaults());
        // Many records share a timestamp: the id breaks ties, in ordinal order.
        for (var i = 0; i < 40; i++)
        {
            store.Upsert($"id-{(i * 7) % 40:00}", i, T0.AddMinutes(i / 10));
        }

        var all = ReadAll(store, limit);

        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Select(r => r.Id).Distinct().Count());
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True(all[i - 1].Key < all[i].Key);
        }
    }

    [Fact]
    public void Page_UpdatedSinceIsInclusive_AndNextIsNullOnTheLastPage()
    {
        var store = new SimulatorStore<int>(new SimulatorFaults());
        store.Upsert("a", 1, T0);
        store.Upsert("b", 2, T0.AddSeconds(1));
        store.Upsert("c", 3, T0.AddSeconds(1));
        store.Upsert("d", 4, T0.AddSeconds(2));

        var page = store.Page(T0.AddSeconds(1), null, 2);
        var last = store.Page(T0.AddSeconds(1), page.Next, 2);

        Assert.Equal(["b", "c"], page.Items.Select(r => r.Id));
        Assert.NotNull(page.Next);
        Assert.Equal(["d"], last.Items.Select(r => r.Id));
        Assert.Null(last.Next);
        Assert.Empty(store.Page(T0.AddSeconds(3), null, 10).Items);
    }

    [Fact]
    public void Page_ExactlyFullLastPage_HasNoNextCursor()
    {
        var store = new SimulatorStore<int>(new SimulatorFaults());
        store.Upsert("a", 1, T0);
        store.Upsert("b", 2, T0);

        Assert.Null(store.Page(null, null, 2).Next);
    }

    [Fact]
    public void Upsert_MovesTheRecordToItsNewPlace_AndKeepsMilliseconds()
    {
        var store = new SimulatorStore<int>(new SimulatorFaults());
        store.Upsert("a", 1, T0);
        store.Upsert("b", 2, T0.AddSeconds(1));

        store.Upsert("a", 10, T0.AddSeconds(2).AddTicks(12_345));

        var all = ReadAll(store, 10);
        Assert.Equal(["b", "a"], all.Select(r => r.Id));
        Assert.Equal(10, all[1].Value);
        Assert.Equal(T0.AddSeconds(2).AddMilliseconds(1), all[1].UpdatedAt);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Delete_ServesATombstoneAtItsTime()
    {
        var store = new SimulatorStore<int>(new SimulatorFaults());
        store.Upsert("a", 1, T0);
        store.Upsert("b", 2, T0);

        Assert.True(store.Delete("a", T0.AddHours(1)));
        Assert.False(store.Delete("a", T0.AddHours(2)));
        Assert.False(store.Delete("zzz", T0.AddHours(2)));

        Assert.Equal(["a"], store.Ids(deleted: true));
        Assert.Equal(["b"], store.Ids(deleted: false));
        var tombstone = ReadAll(store, 10)[^1];
        Assert.True(tombstone.Deleted);
        Assert.Equal(T0.AddHours(1), tombstone.UpdatedAt);
    }

    [Fact]
    public void BackwardsFault_GivesTheNextChangeAnEarlierTimeThanItsPreviousVersion_Once()
    {
        var faults = new SimulatorFaults();
        var store = new SimulatorStore<int>(faults);
        store.Upsert("a", 1, T0);
        faults.BackwardsUpdatedAt(1);

        store.Upsert("new", 1, T0.AddHours(1));
        var changed = store.Upsert("a", 2, T0.AddHours(1));
        var again = store.Upsert("a", 3, T0.AddHours(2));

        Assert.True(changed.UpdatedAt < T0, $"{changed.UpdatedAt}");
        Assert.True(store.TryGet("new", out var fresh) && fresh.UpdatedAt == T0.AddHours(1));
        Assert.Equal(T0.AddHours(2), again.UpdatedAt);
        Assert.Equal(0, faults.Snapshot().BackwardsItems);
    }

    [Fact]
    public void Load_EqualsOneUpsertPerRecord()
    {
        var loaded = new SimulatorStore<int>(new SimulatorFaults());
        var upserted = new SimulatorStore<int>(new SimulatorFaults());
        var records = Enumerable.Range(0, 500)
            .Select(i => new SimulatorRecord<int>($"r{i:000}", i, T0.AddSeconds((i * 37) % 101), i % 50 == 0))
            .ToList();

        loaded.Upsert("r000", -1, T0.AddDays(9));
        loaded.Load(records);
        foreach (var r in records)
        {
            upserted.Upsert(r.Id, r.Value, r.UpdatedAt);
            if (r.Deleted)
            {
                upserted.Delete(r.Id, r.UpdatedAt);
            }
        }

        Assert.Equal(ReadAll(upserted, 1000), ReadAll(loaded, 1000));
        Assert.Equal(500, loaded.Count);
    }
}
