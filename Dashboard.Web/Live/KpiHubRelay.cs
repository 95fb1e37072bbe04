using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Live;

/// <summary>A city-level indicator value as pushed on the hub and served by the API.</summary>
public sealed record IndicatorValueMessage(
    string Code, string ScopeCode, string ScopeKind, DateOnly AsOf, double? Value, string? Label, DateTimeOffset ComputedAt, long? RunId);

/// <summary>
/// Forwards <see cref="KpiBroadcaster"/> events to <see cref="KpiHub"/> clients, exactly once per client on any number of nodes:
/// the node where a run committed sends to <c>Clients.All</c> (with Redis configured, the backplane carries it to every
/// node's clients); events that came from another node over the Redis channel were already sent by that node; what the
/// snapshot check recovered (Redis was unreachable) goes to this node's own connections only.
/// </summary>
public sealed class KpiHubRelay(
    KpiBroadcaster broadcaster, IHubContext<KpiHub> hub, LocalHubConnections local, ApiQueries queries, ILogger<KpiHubRelay> logger,
    Hosting.Observability.WebTelemetry? telemetry = null)
    : IHostedService
{
    private IDisposable? _subscription;
    private bool _failing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The once-a-run events start on the publisher's thread (the send of a city-wide update then waits for no
        // thread-pool wake-up); per-page progress keeps the hand-off, so a job's pages never wait for sends.
        _subscription = broadcaster.Subscribe(OnEventAsync, e => e is IndicatorsChanged or IngestProgress { Status: not IngestRunStatus.Running });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnEventAsync(KpiEvent e)
    {
        Func<string, object, Task> send;
        // An agency's own values go to the connections of its heads only (ReaderScope, docs/ARCHITECTURE.md "Access and scope").
        Func<string, string, object, Task> sendToAgency;
        if (e.FromNode is null)
        {
            send = async (method, message) =>
            {
                await hub.Clients.All.SendAsync(method, message);
                telemetry?.HubMessages.Add(1, new KeyValuePair<string, object?>("method", method));
            };
            sendToAgency = async (opd, method, message) =>
            {
                await hub.Clients.Group(KpiHub.AgencyGroup(opd)).SendAsync(method, message);
                telemetry?.HubMessages.Add(1, new KeyValuePair<string, object?>("method", method));
            };
        }
        else if (e.FromNode == SnapshotVersionWatch.Origin)
        {
            // One send per connection: only that path skips the backplane for a connection of this node.
            send = async (method, message) =>
            {
                var ids = local.Ids;
                await Task.WhenAll(ids.Select(id => hub.Clients.Client(id).SendAsync(method, message)));
                telemetry?.HubMessages.Add(ids.Count, new KeyValuePair<string, object?>("method", method));
            };
            sendToAgency = async (opd, method, message) =>
            {
                var ids = local.IdsOf(opd);
                await Task.WhenAll(ids.Select(id => hub.Clients.Client(id).SendAsync(method, message)));
                telemetry?.HubMessages.Add(ids.Count, new KeyValuePair<string, object?>("method", method));
            };
        }
        else
        {
            return;
        }
        try
        {
            switch (e)
            {
                case IndicatorsChanged changed:
                    var values = await queries.IndicatorsAsync(null, [.. changed.IndicatorCodes], CancellationToken.None);
                    await send("indicatorsChanged", new { source = changed.Source, runId = changed.RunId, at = changed.At, values });
                    // The city-wide send queued one socket flush per connection on the thread pool; the agencies' query and
                    // sends go behind them (and off the publisher's thread) instead of taking a core before they run.
                    await Task.Yield();
                    foreach (var agency in await queries.AgencyIndicatorsAsync([.. changed.IndicatorCodes], CancellationToken.None))
                    {
                        await sendToAgency(agency.Key, "agencyIndicatorsChanged",
                            new { source = changed.Source, runId = changed.RunId, at = changed.At, opd = agency.Key, values = agency.Value });
                    }
                    break;
                case IngestProgress p:
                    await send("ingestProgress",
                        new { source = p.Source, runId = p.RunId, status = p.Status.ToString(), pages = p.Pages, items = p.ItemsRead, at = p.At });
                    break;
            }
            _failing = false;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ObjectDisposedException))
        {
            // Redis (the backplane) unreachable: the other nodes' snapshot checks deliver it to their clients.
            // Logged once per outage, not once per page of a run.
            if (!_failing)
            {
                Log.HubSendFailed(logger, e.GetType().Name, e.Source, ex);
            }
            _failing = true;
        }
    }
}
