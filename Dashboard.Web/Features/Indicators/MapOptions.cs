using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Indicators;

/// <summary>The kelurahan map of the indicator page (<c>Map:*</c>).</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>
    /// A GeoJSON FeatureCollection of the kelurahan boundaries that the city supplies (Polygon or MultiPolygon features in
    /// WGS84 longitude/latitude), relative to the app's content root or absolute. Unset: the schematic tile map.
    /// </summary>
    public string? BoundaryGeoJson { get; set; }

    /// <summary>The feature property holding the Kemendagri kelurahan code (<c>35.73.02.1007</c> or <c>3573021007</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Map:KelurahanCodeProperty must name the feature property that holds the kelurahan code.")]
    public string KelurahanCodeProperty { get; set; } = "kode_kelurahan";
}
