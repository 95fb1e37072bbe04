namespace Dashboard.Tests.Infrastructure;

/// <summary>Waits for a condition another thread or process makes true, instead of sleeping a guessed time.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what = "the condition")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"waited {timeout.TotalSeconds:F0} s for: {what}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The same for a condition that has to be read asynchronously (a database query).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"waited {timeout.TotalSeconds:F0} s for: {what}");
            }
            await Task.Delay(50);
        }
    }
}
