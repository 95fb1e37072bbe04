using Bunit;
using System.Text.Json.Nodes;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Features.Indicators;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web.Indicators;

/// <summary>The city's boundary file (<c>Map:BoundaryGeoJson</c>): read, projected and drawn instead of the tile map.</summary>
public sealed class KelurahanBoundaryMapTests : WebTestContext, IDisposable
{
    /// <summary>The synthetic 57-square grid (Fixtures/make-kelurahan-grid.py): not real boundaries.</summary>
    public static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Web", "Indicators", "Fixtures", "kelurahan-grid.geojson");

    private readonly List<string> _temporary = [];

    public KelurahanBoundaryMapTests() : base(DashboardCultures.Indonesian)
    {
    }

    void IDisposable.Dispose()
    {
        foreach (var file in _temporary)
        {
            File.Delete(file);
        }
    }

    private string Temporary(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"batas-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, content);
        _temporary.Add(path);
        return path;
    }

    /// <summary>The fixture with <paramref name="change"/> applied to its JSON.</summary>
    private string Variant(Action<JsonObject> change)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Fixture))!.AsObject();
        change(doc);
        return Temporary(doc.ToJsonString());
    }

    private IRenderedComponent<KelurahanTileMap> RenderMap(string? boundaryFile, IReadOnlyList<IndicatorScopeRow> rows)
    {
        Services.AddSingleton(Options.Create(new MapOptions { BoundaryGeoJson = boundaryFile }));
        return Render<KelurahanTileMap>(p => p
            .Add(x => x.Code, "ADUAN_TL_5HK_PCT").Add(x => x.Period, TrendPeriod.Days90).Add(x => x.Unit, IndicatorUnit.Percent)
            .Add(x => x.Rows, rows));
    }

    private static List<IndicatorScopeRow> Rows(Func<int, Region, (double? Value, IndicatorStatus Status)> of) =>
        [.. ReferenceData.Kelurahan.Select((k, i) => { var (v, s) = of(i, k); return new IndicatorScopeRow(k.Code, k.Name, v, null, s); })];

    [Fact]
    public void The_fixture_projects_into_the_box_one_shape_a_kelurahan()
    {
        var load = KelurahanBoundaries.Read(Fixture, "kode_kelurahan");

        Assert.Empty(load.Errors);
        var map = load.Map!;
        Assert.Equal(57, map.Shapes.Count);
        Assert.Empty(map.Missing);
        Assert.Equal(ReferenceData.Kelurahan.Select(k => k.Code), map.Shapes.Select(s => s.Code));
        Assert.Equal(800, map.Width);
        // The grid's north-west corner (112,58° E, 7,90° S) is the first Lowokwaru square's first point, at the padding.
        Assert.StartsWith("M4,4L", map.Shapes.Single(s => s.Code == "35.73.05.1001").Path, StringComparison.Ordinal);
        // Kauman: a MultiPolygon of two halves; Klojen: a polygon with a hole. Each ring is its own closed subpath.
        Assert.Equal(2, map.Shapes.Single(s => s.Code == "35.73.02.1007").Path.Count(c => c == 'M'));
        Assert.Equal(2, map.Shapes.Single(s => s.Code == "35.73.02.1001").Path.Count(c => c == 'Z'));
        var numbers = map.Shapes.SelectMany(s => s.Path.Split(['M', 'L', 'Z', ','], StringSplitOptions.RemoveEmptyEntries))
            .Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(numbers, n => Assert.InRange(n, 0, map.Width));
        Assert.Equal(map.Width - 4, numbers.Where((_, i) => i % 2 == 0).Max(), 1);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "missing", "cannot read" },
        { "not-json", "is not valid JSON" },
        { "not-collection", "is not a GeoJSON FeatureCollection" },
        { "line", "has geometry 'LineString'" },
        { "unknown-code", "'35.73.09.9999', which is not one of the 57 kelurahan" },
        { "no-code", "Map:KelurahanCodeProperty: feature 1" },
        { "projected", "[longitude, latitude] positions in WGS84" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_refused_with_a_message_naming_the_setting(string kind, string expected)
    {
        var path = kind switch
        {
            "missing" => Path.Combine(Path.GetTempPath(), "tidak-ada-" + Guid.NewGuid().ToString("N") + ".geojson"),
            "not-json" => Temporary("{ \"type\": \"FeatureCollection\", "),
            "not-collection" => Temporary("{ \"type\": \"Feature\", \"geometry\": null }"),
            "line" => Variant(d => d["features"]![3]!["geometry"] = JsonNode.Parse("{\"type\":\"LineString\",\"coordinates\":[[112.6,-7.9],[112.61,-7.91]]}")),
            "unknown-code" => Variant(d => d["features"]![0]!["properties"]!["kode_kelurahan"] = "35.73.09.9999"),
            "no-code" => Variant(d => d["features"]![0]!["properties"] = new JsonObject { ["nama"] = "Tunggulwulung" }),
            _ => Variant(d => d["features"]![0]!["geometry"] = JsonNode.Parse("{\"type\":\"Polygon\",\"coordinates\":[[[680000,9120000],[681000,9120000],[681000,9119000],[680000,9120000]]]}")),
        };

        var load = KelurahanBoundaries.Read(path, "kode_kelurahan");

        Assert.Null(load.Map);
        var error = Assert.Single(load.Errors);
        Assert.StartsWith("Map:", error, StringComparison.Ordinal);
        Assert.Contains(kind == "no-code" ? "Map:KelurahanCodeProperty" : "Map:BoundaryGeoJson", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_map_draws_57_clickable_polygons_coloured_by_status()
    {
        var cut = RenderMap(Fixture, Rows((i, _) => i switch
        {
            0 => (95, IndicatorStatus.OnTrack),
            1 => (85, IndicatorStatus.AtRisk),
            2 => (40, IndicatorStatus.OffTrack),
            _ => (null, IndicatorStatus.NoData),
        }));

        Assert.Empty(cut.FindAll("[data-testid=tilemap]"));
        var svg = cut.Find("svg[data-testid=boundarymap]");
        Assert.Equal("status", svg.GetAttribute("data-mode"));
        Assert.Equal(57, svg.QuerySelectorAll("path").Length);
        var links = svg.QuerySelectorAll("a");
        Assert.Equal(57, links.Length);
        foreach (var (link, kelurahan) in links.Zip(ReferenceData.Kelurahan))
        {
            Assert.Equal(("ADUAN_TL_5HK_PCT", kelurahan.Code, TrendPeriod.Days90), IndicatorLinks.Parse(link.GetAttribute("href")!));
            Assert.StartsWith(kelurahan.Name + ": ", link.GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.Equal(link.GetAttribute("aria-label"), link.QuerySelector("path > title")!.TextContent);
        }
        string Fill(string code) => cut.Find($"[data-testid='map-{code}'] path").GetAttribute("style")!;
        Assert.Equal("fill: var(--mud-palette-success)", Fill("35.73.01.1001"));
        Assert.Equal("fill: var(--mud-palette-warning)", Fill("35.73.01.1002"));
        Assert.Equal("fill: var(--mud-palette-error)", Fill("35.73.01.1003"));
        Assert.Equal("fill: #eeeeee", Fill("35.73.05.1012"));
        Assert.Equal("Polowijen: 40 % · Di luar target", cut.Find("[data-testid='map-35.73.01.1003']").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("[data-testid=boundarymap-missing]"));
    }

    [Fact]
    public void Without_targets_the_polygons_take_the_value_classes()
    {
        // Values 1..57: the class bounds are the 12th, 23rd, 35th and 46th smallest (1 + ⌊57·i/5⌋ for i = 1..4).
        var cut = RenderMap(Fixture, Rows((i, _) => (i + 1, IndicatorStatus.NoTarget)));

        Assert.Equal("value", cut.Find("[data-testid=boundarymap]").GetAttribute("data-mode"));
        string Fill(int index) => cut.Find($"[data-testid='map-{ReferenceData.Kelurahan[index].Code}'] path").GetAttribute("style")!;
        Assert.Equal("fill: #deebf7", Fill(0));    // 1
        Assert.Equal("fill: #deebf7", Fill(10));   // 11
        Assert.Equal("fill: #9ecae1", Fill(11));   // 12
        Assert.Equal("fill: #6baed6", Fill(30));   // 31
        Assert.Equal("fill: #08519c", Fill(56));   // 57
    }

    [Fact]
    public void Kelurahan_the_file_lacks_are_listed_under_the_map()
    {
        var path = Variant(d =>
        {
            var features = d["features"]!.AsArray();
            foreach (var gone in features.Where(f => (string?)f!["properties"]!["kode_kelurahan"] is "35.73.03.1001" or "35.73.04.1003").ToList())
            {
                features.Remove(gone);
            }
        });

        var cut = RenderMap(path, Rows((_, _) => (null, IndicatorStatus.NoData)));

        Assert.Equal(55, cut.FindAll("[data-testid=boundarymap] path").Count);
        Assert.Empty(cut.FindAll("[data-testid='map-35.73.03.1001']"));
        var note = cut.Find("[data-testid=boundarymap-missing]").TextContent;
        Assert.Contains("2 kelurahan", note, StringComparison.Ordinal);
        Assert.Contains("Kotalama", note, StringComparison.Ordinal);
        Assert.Contains(ReferenceData.Kelurahan.Single(k => k.Code == "35.73.04.1003").Name, note, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_keeps_the_schematic_tile_map()
    {
        var cut = RenderMap(null, Rows((_, _) => (null, IndicatorStatus.NoData)));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Equal(57, cut.FindAll("[data-testid=tilemap] [data-testid^='map-35.73.']").Count);
    }
}
