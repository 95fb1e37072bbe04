using Dashboard.Ingest.Reporting;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Features.Indicators;

/// <summary>The trend windows of the indicator page, each a value of <c>?periode=</c>.</summary>
public enum TrendPeriod
{
    /// <summary>The last 30 days, today included (<c>30h</c>, the default).</summary>
    Days30 = 0,

    /// <summary>The last 90 days (<c>90h</c>).</summary>
    Days90 = 1,

    /// <summary>The last 12 months, day by day (<c>12b</c>).</summary>
    Months12 = 2,

    /// <summary>The APBD (calendar) year so far, from 1 January (<c>apbd</c>).</summary>
    ApbdYear = 3,
}

/// <summary>
/// Links to the indicator page, <c>indikator/{code}?wilayah=35.73.02&amp;periode=90h</c> (an agency: <c>?opd=DISHUB</c>): the indicator, the region
/// (kota when absent) and the trend window are all in the URL, so a link or a reload shows the same view.
/// <see cref="Href"/> and <see cref="Parse"/> are inverses.
/// </summary>
public static class IndicatorLinks
{
    public const string Route = "indikator";

    public static IReadOnlyList<TrendPeriod> Periods { get; } = Enum.GetValues<TrendPeriod>();

    /// <summary>The URL value of a period.</summary>
    public static string Param(TrendPeriod period) => period switch
    {
        TrendPeriod.Days90 => "90h",
        TrendPeriod.Months12 => "12b",
        TrendPeriod.ApbdYear => "apbd",
        _ => "30h",
    };

    /// <summary>The period of a URL value; anything unknown is the default (30 days).</summary>
    public static TrendPeriod ParsePeriod(string? value) =>
        Periods.FirstOrDefault(p => string.Equals(Param(p), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The app-relative link to an indicator at a scope (kota is left out) over a period (30 days is left out).</summary>
    public static string Href(string code, string? scope = null, TrendPeriod period = TrendPeriod.Days30)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrEmpty(scope) && scope != ReferenceData.KotaCode)
        {
            // An agency's value (an agency home's link) is ?opd=, a region's ?wilayah=.
            query.Add(new(ReferenceData.IsAgency(scope) ? "opd" : "wilayah", scope));
        }
        if (period != TrendPeriod.Days30)
        {
            query.Add(new("periode", Param(period)));
        }
        return QueryHelpers.AddQueryString($"{Route}/{Uri.EscapeDataString(code)}", query);
    }

    /// <summary>The indicator, scope and period of a link made by <see cref="Href"/> (absolute or app-relative), or null.</summary>
    public static (string Code, string Scope, TrendPeriod Period)? Parse(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        var uri = new Uri(new Uri("http://x/"), href);
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length != 2 || segments[0] != Route || segments[1].Length == 0)
        {
            return null;
        }
        var query = QueryHelpers.ParseQuery(uri.Query);
        var scope = query.TryGetValue("opd", out var o) && !string.IsNullOrEmpty(o) ? o.ToString()
            : query.TryGetValue("wilayah", out var w) && !string.IsNullOrEmpty(w) ? w.ToString() : ReferenceData.KotaCode;
        return (Uri.UnescapeDataString(segments[1]), scope, ParsePeriod(query.TryGetValue("periode", out var p) ? p.ToString() : null));
    }
}
