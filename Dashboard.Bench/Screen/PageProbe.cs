using Microsoft.Playwright;

namespace Dashboard.Bench.Screen;

/// <summary>
/// Watches the text of an element in a page: every change is recorded, at the start of the frame that paints it,
/// with the browser's wall clock
/// (<c>performance.timeOrigin + performance.now()</c>, ms since the epoch, the same machine clock as the server's).
/// </summary>
internal sealed class PageProbe(IPage page, string selector)
{
    private const string WatchScript = """
        selector => {
            window.__changes = [];
            let last = document.querySelector(selector)?.textContent.trim();
            new MutationObserver(() => {
                const text = document.querySelector(selector)?.textContent.trim();
                if (text !== undefined && text !== last) {
                    last = text;
                    // The frame that paints the change: a requestAnimationFrame callback runs just before it.
                    requestAnimationFrame(() => window.__changes.push({ text, at: performance.timeOrigin + performance.now() }));
                }
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public IPage Page => page;

    public Task StartAsync() => page.EvaluateAsync(WatchScript, selector);

    public Task<int> CountAsync() => page.EvaluateAsync<int>("() => window.__changes.length");

    /// <summary>Waits until the page recorded more than <paramref name="seen"/> changes; returns the time of the newest (ms since the epoch).</summary>
    public async Task<double?> NextChangeAsync(int seen, TimeSpan timeout)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync("n => window.__changes.length > n ? window.__changes[window.__changes.length - 1].at : 0", seen,
                new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 20 });
            return await handle.JsonValueAsync<double>();
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
