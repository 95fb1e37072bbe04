using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Indicators;

/// <summary>One kelurahan's boundary as an SVG path in the map's box (every ring closed; holes by the even-odd rule).</summary>
public sealed record BoundaryShape(string Code, string Path);

/// <summary>The city's kelurahan boundaries projected into a <see cref="Width"/> × <see cref="Height"/> box.</summary>
/// <param name="Missing">Kelurahan codes no feature draws (listed under the map and in the start-up log).</param>
public sealed record BoundaryMap(IReadOnlyList<BoundaryShape> Shapes, double Width, double Height, IReadOnlyList<string> Missing);

/// <summary>What reading a boundary file gave: the map, or why it cannot be used (each message names the setting).</summary>
public sealed record BoundaryLoad(BoundaryMap? Map, IReadOnlyList<string> Errors);

/// <summary>
/// Reads and projects the boundary file of <see cref="MapOptions"/> once per process (the options validator reads it at
/// start, so a bad file stops start-up; the map component gets the same parsed result). Projection: equirectangular with
/// longitude scaled by cos(mean latitude), which at Malang's size (about 15 km) is indistinguishable from a proper one.
/// </summary>
public sealed class KelurahanBoundaries(ILogger<KelurahanBoundaries> logger)
{
    /// <summary>The width of the map's box; the height follows the city's shape.</summary>
    public const double BoxWidth = 800;

    private const double Padding = 4;
    private const string FileKey = MapOptions.Section + ":" + nameof(MapOptions.BoundaryGeoJson);
    private const string PropertyKey = MapOptions.Section + ":" + nameof(MapOptions.KelurahanCodeProperty);

    private readonly ConcurrentDictionary<(string Path, string Property), Lazy<BoundaryLoad>> _loads = new();

    /// <summary>The boundary map of <paramref name="options"/>, or null when none is configured or the file is unusable.</summary>
    public BoundaryMap? MapFor(MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.BoundaryGeoJson) ? null : Load(options).Map;
    }

    /// <summary>Reads the configured file (once; later calls get the same result).</summary>
    public BoundaryLoad Load(MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = (options.BoundaryGeoJson ?? "", options.KelurahanCodeProperty ?? "");
        return _loads.GetOrAdd(key, k => new Lazy<BoundaryLoad>(() =>
        {
            var load = Read(k.Path, k.Property);
            if (load.Map is { Missing.Count: > 0 } map)
            {
                Log.KelurahanWithoutBoundary(logger, map.Missing.Count, string.Join(", ", map.Missing));
            }
            return load;
        })).Value;
    }

    /// <summary>Parses and projects a boundary file; every problem found is reported, naming the setting.</summary>
    public static BoundaryLoad Read(string path, string property)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new(null, [$"{FileKey} is empty."]);
        }
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new(null, [$"{FileKey}: cannot read '{path}' ({ex.Message})."]);
        }
        catch (JsonException ex)
        {
            return new(null, [$"{FileKey}: '{path}' is not valid JSON ({ex.Message})."]);
        }
        using (document)
        {
            return Parse(document.RootElement, path, property);
        }
    }

    private static BoundaryLoad Parse(JsonElement root, string path, string property)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return new(null, [$"{FileKey}: '{path}' is not a GeoJSON FeatureCollection (an object with \"type\": \"FeatureCollection\" and a \"features\" array)."]);
        }
        var known = ReferenceData.Kelurahan.ToDictionary(k => Digits(k.Code), k => k.Code, StringComparer.Ordinal);
        var errors = new List<string>();
        var rings = new List<(string Code, List<List<(double Lon, double Lat)>> Rings)>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            index++;
            var code = FeatureCode(feature, property);
            if (code is null)
            {
                errors.Add($"{PropertyKey}: feature {index} of '{path}' has no property '{property}' with a kelurahan code.");
                continue;
            }
            if (!known.TryGetValue(Digits(code), out var kelurahan))
            {
                errors.Add($"{FileKey}: feature {index} has {property} '{code}', which is not one of the 57 kelurahan of Kota Malang (Kemendagri code such as 35.73.02.1007).");
                continue;
            }
            var geometry = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) ? g : default;
            var geometryType = geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString() : null;
            if (geometryType is not ("Polygon" or "MultiPolygon") || !geometry.TryGetProperty("coordinates", out var coordinates))
            {
                errors.Add($"{FileKey}: feature {index} ({kelurahan}) has geometry '{geometryType ?? "none"}'; only Polygon and MultiPolygon are drawn.");
                continue;
            }
            var polygons = geometryType == "Polygon" ? [coordinates] : coordinates.ValueKind == JsonValueKind.Array ? coordinates.EnumerateArray().ToList() : [];
            var featureRings = new List<List<(double, double)>>();
            foreach (var polygon in polygons)
            {
                if (polygon.ValueKind != JsonValueKind.Array)
                {
                    featureRings = null;
                    break;
                }
                foreach (var ring in polygon.EnumerateArray())
                {
                    var points = Ring(ring);
                    if (points is null)
                    {
                        featureRings = null;
                        break;
                    }
                    featureRings.Add(points);
                }
                if (featureRings is null)
                {
                    break;
                }
            }
            if (featureRings is not { Count: > 0 })
            {
                errors.Add($"{FileKey}: feature {index} ({kelurahan}) has coordinates that are not rings of at least 3 [longitude, latitude] positions in WGS84 degrees.");
                continue;
            }
            rings.Add((kelurahan, featureRings));
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        if (rings.Count == 0)
        {
            return new(null, [$"{FileKey}: '{path}' has no features."]);
        }
        return new(Project(rings), []);
    }

    private static BoundaryMap Project(List<(string Code, List<List<(double Lon, double Lat)>> Rings)> features)
    {
        var all = features.SelectMany(f => f.Rings).SelectMany(r => r).ToList();
        var (minLon, maxLon) = (all.Min(p => p.Lon), all.Max(p => p.Lon));
        var (minLat, maxLat) = (all.Min(p => p.Lat), all.Max(p => p.Lat));
        var xScale = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLon - minLon) * xScale, 1e-9);
        var spanY = Math.Max(maxLat - minLat, 1e-9);
        var scale = (BoxWidth - (2 * Padding)) / spanX;
        var height = Math.Round((spanY * scale) + (2 * Padding), 1);

        var shapes = new List<BoundaryShape>();
        foreach (var group in features.GroupBy(f => f.Code, StringComparer.Ordinal))
        {
            var d = new StringBuilder();
            foreach (var ring in group.SelectMany(f => f.Rings))
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var x = Padding + ((ring[i].Lon - minLon) * xScale * scale);
                    var y = Padding + ((maxLat - ring[i].Lat) * scale);
                    d.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                        .Append(y.ToString("0.#", CultureInfo.InvariantCulture));
                }
                d.Append('Z');
            }
            shapes.Add(new BoundaryShape(group.Key, d.ToString()));
        }
        var drawn = shapes.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var missing = ReferenceData.Kelurahan.Select(k => k.Code).Where(c => !drawn.Contains(c)).ToList();
        var order = ReferenceData.Kelurahan.Select((k, i) => (k.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return new BoundaryMap([.. shapes.OrderBy(s => order[s.Code])], BoxWidth, height, missing);
    }

    private static string? FeatureCode(JsonElement feature, string property) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
        && props.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static List<(double Lon, double Lat)>? Ring(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var points = new List<(double, double)>();
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat)
                || lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                return null;
            }
            points.Add((lon, lat));
        }
        return points.Count >= 3 ? points : null;
    }

    private static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);
}

/// <summary>A bad boundary file stops start-up with messages that name <c>Map:BoundaryGeoJson</c> or <c>Map:KelurahanCodeProperty</c>.</summary>
internal sealed class MapOptionsValidator(KelurahanBoundaries boundaries) : IValidateOptions<MapOptions>
{
    public ValidateOptionsResult Validate(string? name, MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BoundaryGeoJson) || string.IsNullOrWhiteSpace(options.KelurahanCodeProperty))
        {
            return ValidateOptionsResult.Success;
        }
        var load = boundaries.Load(options);
        return load.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(load.Errors);
    }
}

/// <summary>Registration of the kelurahan map's settings.</summary>
public static class KelurahanMapExtensions
{
    public static IServiceCollection AddKelurahanMap(this IServiceCollection services)
    {
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                // A relative path is the content root's, whatever the working directory.
                if (!string.IsNullOrWhiteSpace(o.BoundaryGeoJson) && !Path.IsPathRooted(o.BoundaryGeoJson))
                {
                    o.BoundaryGeoJson = Path.Combine(env.ContentRootPath, o.BoundaryGeoJson);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KelurahanBoundaries>();
        services.AddSingleton<IValidateOptions<MapOptions>, MapOptionsValidator>();
        return services;
    }
}
