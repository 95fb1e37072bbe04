using Dashboard.Ingest.Shared.Live;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Domains;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Dashboard.Web.Shared.Live;

/// <summary>What every domain page's view says about its source: when it last succeeded and whether a run is going on.</summary>
public interface IDomainView
{
    DateTimeOffset? LastSuccessAt { get; }

    bool IsRunning { get; }
}

/// <summary>
/// The plumbing every domain page shares: it loads the view of the scope in the URL, reloads it (throttled to one query
/// per <see cref="LiveSubscription.DefaultInterval"/>) when its source commits indicators or reports progress, discards a reload whose
/// scope was left meanwhile, and unsubscribes on disposal. A page derives from it and keeps only its own shaping.
/// </summary>
/// <typeparam name="TScope">What the URL selects (a region code, an OPD, a region or a school); compared by value.</typeparam>
/// <typeparam name="TView">The page's query result.</typeparam>
public abstract class LiveDomainPage<TScope, TView> : ComponentBase, IDisposable
    where TView : class, IDomainView
{
    private readonly CancellationTokenSource _cts = new();
    private LiveSubscription? _live;
    private bool _hasLoaded;
    private bool _scrollToTop;

    [Inject]
    private KpiBroadcaster Broadcaster { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>The reader's scope (docs/ARCHITECTURE.md "Access and scope"), known from the first parameters on.</summary>
    protected ReaderScope Reader { get; private set; } = ReaderScope.Everything;

    /// <summary>The page's domain (by its source), or null for a page outside the registry.</summary>
    protected DomainDescriptor? Domain => Features.DomainRegistry.FindBySource(Source);

    /// <summary>What the page shows its reader: everything, their own agency, or the city-wide figures only.</summary>
    protected DomainAccess Access => Domain is { } d ? Reader.On(d) : DomainAccess.Full;

    /// <summary>
    /// True when the page may show its region detail and item lists (tables of kecamatan, kelurahan, schools or
    /// items, and the links into them): the owning agency and readers without limit.
    /// </summary>
    protected bool ShowsDetail => Access == DomainAccess.Full;

    /// <summary>Whether a link to the page at <paramref name="scopeCode"/> may be shown (the reader may follow it).</summary>
    protected bool MayOpen(string scopeCode) => Domain is not { } d || Reader.MayOpenScope(d, scopeCode);

    [Inject]
    protected DashboardFormatter Format { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<UiStrings> L { get; set; } = default!;

    /// <summary>The view on screen; null until the first load.</summary>
    protected TView? View { get; private set; }

    /// <summary>The scope <see cref="View"/> was loaded for.</summary>
    protected TScope? LoadedScope { get; private set; }

    /// <summary>The time the data ages are measured against (the load, then every minute of the clock).</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>The source whose events reload the page (<c>KpiEvent.Source</c>).</summary>
    protected abstract string Source { get; }

    /// <summary>The page's downloads (every table and chart series it shows).</summary>
    protected abstract DomainExport<TScope, TView> Exports { get; }

    /// <summary>The scope the URL's parameters select now.</summary>
    protected abstract TScope CurrentScope();

    /// <summary>The page's query for <paramref name="scope"/>.</summary>
    protected abstract Task<TView> LoadAsync(TScope scope, CancellationToken ct);

    /// <summary>Shapes <see cref="View"/> into what the markup binds (chart series, labels); called on every load.</summary>
    protected virtual void Shape(TView view)
    {
    }

    protected override void OnInitialized()
    {
        Now = Time.GetUtcNow();
        var logger = LoggerFactory.CreateLogger(GetType());
        _live = LiveSubscription.Start(RendererInfo.IsInteractive, Broadcaster, Time,
            e => e.Source == Source && e is IndicatorsChanged or IngestProgress, ReloadAsync, ex => Log.RefreshFailed(logger, Source, ex));
    }

    protected override async Task OnParametersSetAsync()
    {
        Reader = await ReaderScope.OfAsync(AuthState);
        if (RestrictedHref() is { } allowed)
        {
            // A scope the reader may not open (another agency's detail): the page they may see instead, never a refusal.
            Nav.NavigateTo(allowed, replace: true);
            return;
        }
        var scope = CurrentScope();
        if (View is null || !IsLoaded(scope))
        {
            // A new scope chosen further down the page (a kecamatan in a table) shows its figures from the top.
            _scrollToTop = _hasLoaded;
            Show(await LoadAsync(scope, _cts.Token), scope);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_scrollToTop)
        {
            _scrollToTop = false;
            try
            {
                await JS.InvokeVoidAsync("scrollTo", 0, 0);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone: nothing to scroll.
            }
        }
    }

    /// <summary>Keeps the data ages current: bind to <c>WibClock.OnMinute</c>.</summary>
    protected void OnMinute(DateTimeOffset now) => Now = now;

    /// <summary>The download links of one of the page's tables, for the scope on screen.</summary>
    protected ExportLink Export(string table) => Exports.Link(table, LoadedScope!);

    /// <summary>"Updated 3 minutes ago · 14:02" from the source's last successful run, or "never".</summary>
    protected string Freshness() => View?.LastSuccessAt is { } at
        ? L["source.updated", Format.Age(Now - at)].Value + " · " + Format.WibTime(at)
        : L["source.never"].Value;

    /// <summary>Where a reader limited by the scope rule goes when the URL asks for more than they may see, or null.</summary>
    private string? RestrictedHref()
    {
        if (Domain is not { } d || Access == DomainAccess.Full)
        {
            return null;
        }
        var query = QueryHelpers.ParseQuery(Nav.ToAbsoluteUri(Nav.Uri).Query);
        var code = query.TryGetValue(d.ScopeParameter, out var v) ? v.ToString() : null;
        var onlyScope = query.Keys.All(k => k == d.ScopeParameter);
        if (Access == DomainAccess.OwnAgency)
        {
            return onlyScope && Reader.MayOpenScope(d, code) ? null : d.Href(Reader.Agencies[0]);
        }
        return query.Count == 0 ? null : d.Route;
    }

    private bool IsLoaded(TScope scope) => _hasLoaded && EqualityComparer<TScope>.Default.Equals(scope, LoadedScope);

    private async Task ReloadAsync(CancellationToken ct)
    {
        var scope = _hasLoaded ? LoadedScope! : CurrentScope();
        var view = await LoadAsync(scope, ct);
        await InvokeAsync(() =>
        {
            // A navigation to another scope may have landed meanwhile; its own load wins.
            if (IsLoaded(scope))
            {
                Show(view, scope);
                StateHasChanged();
            }
        });
    }

    private void Show(TView view, TScope scope)
    {
        View = view;
        LoadedScope = scope;
        _hasLoaded = true;
        Now = Time.GetUtcNow();
        Shape(view);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _live?.Dispose();
            _cts.Cancel();
            _cts.Dispose();
        }
    }
}
