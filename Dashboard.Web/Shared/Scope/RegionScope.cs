using Dashboard.Ingest.Reporting;

namespace Dashboard.Web.Shared.Scope;

/// <summary>One step of a page's scope trail (the city, a kecamatan, a kelurahan, an OPD or a school).</summary>
/// <param name="Code">What the step's link selects (a Kemendagri code, an OPD code, an NPSN).</param>
/// <param name="Name">What the trail shows.</param>
/// <param name="Title">A longer name shown on hover (an OPD's full name), if any.</param>
public sealed record ScopeStep(string Code, string Name, string? Title = null);

/// <summary>The region scope every page shares: <c>?wilayah=</c> resolved to a region, and its trail from the city down.</summary>
public static class RegionScope
{
    /// <summary>The city (Kota Malang).</summary>
    public static Region Kota { get; } = ReferenceData.Regions.First(r => r.Level == RegionLevel.Kota);

    /// <summary>The region for a <c>?wilayah=</c> code: a known kecamatan or kelurahan, else the city.</summary>
    public static Region Resolve(string? code) => ReferenceData.Regions.FirstOrDefault(r => r.Code == code) ?? Kota;

    /// <summary>The trail from the city down to <paramref name="region"/> (the city alone for the city).</summary>
    public static IReadOnlyList<ScopeStep> Trail(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var trail = new List<ScopeStep>();
        for (Region? r = region; r is not null; r = r.ParentCode is null ? null : Resolve(r.ParentCode))
        {
            trail.Insert(0, new ScopeStep(r.Code, r.Name));
            if (r.Level == RegionLevel.Kota)
            {
                break;
            }
        }
        return trail;
    }
}
