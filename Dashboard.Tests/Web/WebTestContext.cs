using System.Globalization;
using Bunit;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Tests.Web;

/// <summary>
/// bUnit context for the dashboard's components: MudBlazor, the JSON text tables, the formatter, a fake clock
/// at <see cref="Start"/>. Runs in Indonesian unless told otherwise.
/// </summary>
public abstract class WebTestContext : BunitContext
{
    /// <summary>Wednesday 10 June 2026, 14:00 WIB.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 10, 7, 0, 0, TimeSpan.Zero);

    protected WebTestContext(string culture = DashboardCultures.Indonesian)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Services.AddMudServices();
        Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<DashboardFormatter>();
        Services.AddSingleton<Dashboard.Web.Features.Operations.AuditText>();
        // The kelurahan map's boundaries (none configured: the schematic tile map).
        Services.AddSingleton<Dashboard.Web.Features.Indicators.KelurahanBoundaries>();
        // Refresh and pause actions are audited through the test's own reporting database.
        Services.AddSingleton<Dashboard.Ingest.Shared.Audit.SourceControl>();
        // Follow-ups appear on several pages (overview, indicator page, brief, alerts): their services, over the test's database.
        Services.AddSingleton<Dashboard.Ingest.Shared.FollowUps.FollowUpService>();
        Services.AddSingleton<Dashboard.Web.Features.FollowUps.FollowUpQueries>();
        Services.AddSingleton<Dashboard.Web.Features.FollowUps.MeetingQueries>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>
    /// Renders as an interactive server circuit (pages subscribe to live events only then). Call at the end of
    /// a derived constructor: it builds the service provider, after which no service can be added.
    /// </summary>
    protected void UseInteractiveServerRenderer() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    /// <summary>A formatter over the real text tables, for tests without a renderer.</summary>
    public static DashboardFormatter NewFormatter() => new(new StringLocalizer<UiStrings>(new JsonStringLocalizerFactory()));
}
