using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>A city-level indicator value as pushed on the hub and served by the API.</summary>
public sealed record IndicatorValueMessage(
    string Code, string ScopeCode, string ScopeKind, DateOnly AsOf, double? Value, string? Label, DateTimeOffset ComputedAt, long? RunId);

/// <summary>Forwards the in-process <see cref="KpiBroadcaster"/> to <see cref="KpiHub"/> clients.</summary>
public sealed class KpiHubRelay(KpiBroadcaster broadcaster, IHubContext<KpiHub> hub, ApiQueries queries)
    : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = broadcaster.Subscribe(OnEventAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnEventAsync(KpiEvent e)
    {
        switch (e)
        {
            case IndicatorsChanged changed:
                var values = await queries.IndicatorsAsync(null, [.. changed.IndicatorCodes], CancellationToken.None);
                await hub.Clients.All.SendAsync("indicatorsChanged", new { source = changed.Source, runId = changed.RunId, at = changed.At, values });
                break;
            case IngestProgress p:
                await hub.Clients.All.SendAsync("ingestProgress",
                    new { source = p.Source, runId = p.RunId, status = p.Status.ToString(), pages = p.Pages, items = p.ItemsRead, at = p.At });
                break;
        }
    }
}
