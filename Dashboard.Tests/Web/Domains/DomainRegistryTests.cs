using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Tests.Docs;
using Dashboard.Tests.Sources;
using Dashboard.Tests.Web.Exports;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Features;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Shared.Domains;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Tests.Web.Domains;

/// <summary>
/// Walks the domain registry: every registered domain has a routable page under its policy, a wall board, downloads,
/// indicator definitions and a navigation entry, with texts in both languages. A domain registered half-way fails here.
/// </summary>
public sealed class DomainRegistryTests : WebTestContext
{
    public static TheoryData<string> Sources => [.. DomainRegistry.All.Select(d => d.Source)];

    private static DomainDescriptor Domain(string source) => Assert.Single(DomainRegistry.All, d => d.Source == source);

    [Fact]
    public void Sources_routes_and_board_ids_are_unique()
    {
        Assert.NotEmpty(DomainRegistry.All);
        Assert.Equal(DomainRegistry.All.Count, DomainRegistry.All.Select(d => d.Source).Distinct().Count());
        Assert.Equal(DomainRegistry.All.Count, DomainRegistry.All.Select(d => d.Route).Distinct().Count());
        Assert.DoesNotContain(DomainRegistry.All, d => d.Route == WallBoards.Overview);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void It_registers_its_ingest_source_and_its_simulator(string source)
    {
        var domain = Domain(source);
        Assert.Equal(source, domain.Ingest.Source);
        Assert.Equal(source, domain.Simulator.Source);
        Assert.Contains(domain.Ingest, DomainRegistry.Sources);
        Assert.Contains(domain.Simulator, DomainRegistry.Simulators);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Its_expected_export_tables_are_declared_in_its_test_folder(string source)
    {
        Assert.True(DomainExportCase.All.ContainsKey(source), $"{source}: no DomainExportCase (Web/<Domain>/<Domain>ExportCase.cs)");
    }

    /// <summary>The shared ingest and simulator contract theories run over the registry; each needs the source's case.</summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public void Its_ingest_and_simulator_cases_are_declared_in_its_test_folder(string source)
    {
        Assert.True(IngestHttpCase.All.ContainsKey(source), $"{source}: no IngestHttpCase (Sources/<Source>/<Source>IngestHttpTests.cs, a nested Case)");
        Assert.True(SimulatorCase.All.ContainsKey(source), $"{source}: no SimulatorCase (Sources/<Source>/<Source>SimulatorCase.cs)");
    }

    /// <summary>No case is left behind for a source the registry no longer has.</summary>
    [Fact]
    public void Every_declared_test_case_names_a_registered_source()
    {
        var registered = DomainRegistry.All.Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
        Assert.All(DomainExportCase.All.Keys, s => Assert.Contains(s, registered));
        Assert.All(IngestHttpCase.All.Keys, s => Assert.Contains(s, registered));
        Assert.All(SimulatorCase.All.Keys, s => Assert.Contains(s, registered));
    }

    /// <summary>
    /// appsettings.json needs no section per source (every setting has a default); the example settings are the
    /// documentation of each source's section and must list every registered one.
    /// </summary>
    private const string SourcesSection = "Sources";

    [Theory]
    [MemberData(nameof(Sources))]
    public void Its_settings_are_documented_in_the_example_and_default_in_the_app(string source)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var example = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("appsettings.example.json")), options);
        Assert.True(example.RootElement.GetProperty(SourcesSection).TryGetProperty(source, out var section), $"appsettings.example.json has no Sources:{source}");
        Assert.True(section.TryGetProperty("BaseUrl", out _), $"appsettings.example.json's Sources:{source} documents no BaseUrl");
        using var app = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("Dashboard.Web", "appsettings.json")), options);
        Assert.False(app.RootElement.GetProperty(SourcesSection).TryGetProperty(source, out _), $"appsettings.json: Sources:{source} belongs in the options' defaults");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Its_route_resolves_to_its_page_under_its_policy(string source)
    {
        var domain = Domain(source);
        var routed = typeof(Dashboard.Web.Components.App).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == "/" + domain.Route))
            .ToList();
        Assert.Equal([domain.Page], routed);
        Assert.True(typeof(IComponent).IsAssignableFrom(domain.Page));
        Assert.Equal(domain.Policy, Assert.Single(domain.Page.GetCustomAttributes<AuthorizeAttribute>()).Policy);
        Assert.Contains(ReferenceData.Agencies, a => a.Code == domain.Opd);
        Assert.Equal(Policies.Domain(domain.Opd), domain.Policy);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void It_has_a_wall_board_with_a_title(string source)
    {
        var domain = Domain(source);
        var board = WallBoards.Find(domain.Route);
        Assert.NotNull(board);
        Assert.Equal(domain.Source, board.Source);
        Assert.Equal(domain.WallTitleKey, board.TitleKey);
        AssertTranslated(domain.WallTitleKey);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void It_has_downloads_under_its_route_and_policy(string source)
    {
        var domain = Domain(source);
        Assert.Equal(domain.Route, domain.Exports.Route);
        Assert.Equal(domain.Policy, domain.Exports.Policy);
        Assert.Equal(domain.Source, domain.Exports.Source);
        Assert.NotEmpty(domain.Exports.TableIds);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void It_has_indicator_definitions_and_overview_headlines(string source)
    {
        var set = Domain(source).Indicators;
        Assert.NotNull(set);
        Assert.NotEmpty(set.Definitions);
        Assert.All(set.Definitions, d => Assert.Equal(source, d.Source));
        Assert.NotEmpty(set.Headlines);
        AssertTranslated("source." + source);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void It_has_a_navigation_entry_for_whoever_passes_its_policy(string source)
    {
        var domain = Domain(source);
        AssertTranslated(domain.NavLabelKey);
        Assert.False(string.IsNullOrWhiteSpace(domain.Icon));
        AddAuthorization().SetAuthorized("walikota").SetPolicies(domain.Policy);

        var nav = Render<NavMenu>();

        var link = Assert.Single(nav.FindAll("a"), a => a.GetAttribute("href") == domain.Route);
        Assert.Equal(L()[domain.NavLabelKey].Value, link.TextContent.Trim());
        // Only its own entry: the others' policies are not granted.
        Assert.DoesNotContain(nav.FindAll("a"), a => DomainRegistry.All.Any(d => d != domain && a.GetAttribute("href") == d.Route));
    }

    private static IStringLocalizer L() => new JsonStringLocalizerFactory().Create(typeof(UiStrings));

    private static void AssertTranslated(string key)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in DashboardCultures.Supported)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.False(L()[key].ResourceNotFound, $"{key} has no {culture} text");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
