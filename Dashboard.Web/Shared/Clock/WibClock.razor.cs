using Dashboard.Ingest.Shared;
using Dashboard.Web.Shared.Formatting;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Clock;

/// <summary>
/// The WIB date and time (<c>Senin, 12 Juni 2026 · 14:05 WIB</c>), re-rendered on each minute boundary of
/// <see cref="TimeProvider"/>. <see cref="OnMinute"/> lets a page refresh its "3 menit lalu" ages on the
/// same beat instead of running a timer of its own.
/// </summary>
public sealed partial class WibClock : IDisposable
{
    private ITimer? _timer;
    private string _text = "";

    /// <summary>Raised after each minute boundary with the current instant (UTC).</summary>
    [Parameter]
    public EventCallback<DateTimeOffset> OnMinute { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    protected override void OnInitialized()
    {
        Update(Time.GetUtcNow());
        if (RendererInfo.IsInteractive)
        {
            _timer = Time.CreateTimer(static s => ((WibClock)s!).Tick(), this, UntilNextMinute(Time.GetUtcNow()), TimeSpan.FromMinutes(1));
        }
    }

    private static TimeSpan UntilNextMinute(DateTimeOffset now) =>
        TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute) + TimeSpan.FromMilliseconds(50);

    private void Tick() => _ = InvokeAsync(async () =>
    {
        var now = Time.GetUtcNow();
        Update(now);
        StateHasChanged();
        await OnMinute.InvokeAsync(now);
    });

    private void Update(DateTimeOffset now)
    {
        var wib = Wib.ToWib(now);
        _text = $"{wib.ToString("dddd", System.Globalization.CultureInfo.CurrentCulture)}, {Format.WibDateTime(now)}";
    }

    public void Dispose() => _timer?.Dispose();
}
