using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Export;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Privacy;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Indicators;

/// <summary>
/// Exports of the indicator page's trend, exactly the series the page draws (same query, same region and window):
/// CSV (UTF-8 with BOM, invariant numbers) and Excel .xlsx (DocumentFormat.OpenXml, MIT) with the data on the first
/// sheet and the filters and indicator metadata on the second. Routes: <c>/indikator/{code}/ekspor.csv|.xlsx</c>.
/// </summary>
public static class IndicatorExport
{
    public static string CsvHref(string code, string? scope, TrendPeriod period) => FileHref(code, scope, period, "csv");

    public static string XlsxHref(string code, string? scope, TrendPeriod period) => FileHref(code, scope, period, "xlsx");

    private static string FileHref(string code, string? scope, TrendPeriod period, string extension)
    {
        var page = IndicatorLinks.Href(code, scope, period);
        var q = page.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? $"{page}/ekspor.{extension}" : $"{page[..q]}/ekspor.{extension}{page[q..]}";
    }

    /// <summary>
    /// The trend of <paramref name="view"/> as a table, a row a day, with its filters and metadata: unit and direction in
    /// words of the reader's language when <paramref name="text"/> is given, the last success in WIB.
    /// </summary>
    public static ExportTable Trend(IndicatorDetailView view, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Definition;
        var t = view.Trend;
        var rows = t.Days.Select((day, i) => (IReadOnlyList<object?>)
            [day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Values[i], t.LastYear[i], t.Targets[i]]).ToList();
        var meta = new List<KeyValuePair<string, string>>
        {
            new("kode", d.Code), new("nama", d.NameId), new("name", d.NameEn),
            new("wilayah", view.ScopeCode), new("nama_wilayah", view.ScopeName),
            new("periode", IndicatorLinks.Param(t.Period)),
            new("dari", t.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("sampai", t.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("definisi", d.DefinitionId), new("rumus", d.Formula), new("satuan", Words(text, "indicator.unit." + d.Unit, d.Unit.ToString())),
            new("arah", Words(text, "indicator.direction." + d.Direction, d.Direction.ToString())),
            new("toleransi", d.Tolerance.ToString(CultureInfo.InvariantCulture)), new("target_proporsional", d.Cumulative ? "ya" : "tidak"),
            new("opd_penanggung_jawab", d.OwnerOpd), new("sumber", d.Source),
            new("frekuensi_menit", d.CadenceMinutes.ToString(CultureInfo.InvariantCulture)),
            new("batas_kesegaran_menit", d.FreshnessMinutes.ToString(CultureInfo.InvariantCulture)),
            new("dasar_hukum", d.LegalBasis ?? ""), new("catatan", d.Notes ?? ""),
            new("pembaruan_berhasil_terakhir_wib", view.Lineage.LastSuccessAt is { } at ? DomainExports.WibText(at) : ""),
            new("proses_terakhir", view.Lineage.LastRunId?.ToString(CultureInfo.InvariantCulture) ?? ""),
        };
        return new ExportTable(d.Code, ["tanggal", "nilai", "tahun_lalu", "target"], rows, meta);
    }

    private static string Words(IStringLocalizer? text, string key, string fallback) =>
        text?[key] is { ResourceNotFound: false } words ? words.Value : fallback;

    /// <summary>
    /// The page's drill-down table: the kecamatan (or kelurahan) beside the selected region, then the agencies when shown,
    /// with their current values and status.
    /// </summary>
    public static ExportTable Regions(IndicatorDetailView view, bool withRegions = true)
    {
        ArgumentNullException.ThrowIfNull(view);
        var level = view.RegionsLevel == RegionLevel.Kecamatan ? "kecamatan" : "kelurahan";
        var rows = view.Regions.Where(_ => withRegions).Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, level, r.Value, r.Label, r.Status.ToString()])
            .Concat(view.Agencies.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, "opd", r.Value, r.Label, r.Status.ToString()]))
            .ToList();
        return new ExportTable("Wilayah", ["kode", "nama", "tingkat", "nilai", "keterangan", "status"], rows, []);
    }

    /// <summary>
    /// Kelurahan-level counts below <c>Privacy:MinimumCount</c> become "&lt; N" (issue: no family, pupil or employee
    /// recognisable from an export): the drill-down rows of kelurahan, and the trend when the scope is a kelurahan.
    /// Only counts (unit <see cref="IndicatorUnit.Count"/>); percentages and rupiah reveal no one by their size.
    /// </summary>
    public static ExportTable SuppressSmallCounts(ExportTable table, IndicatorDetailView view, SmallCounts small)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(small);
        if (view.Definition.Unit != IndicatorUnit.Count)
        {
            return table;
        }
        var kelurahanScope = ReferenceData.Regions.Any(r => r.Code == view.ScopeCode && r.Level == RegionLevel.Kelurahan);
        object? Cell(object? c) => c is double v && small.IsSuppressed(v) ? small.Display(v, _ => "") : c;
        IReadOnlyList<object?> Row(IReadOnlyList<object?> row, Func<int, bool> column) => [.. row.Select((c, i) => column(i) ? Cell(c) : c)];
        var rows = table.Name == "Wilayah"
            ? table.Rows.Select(r => r[2] is "kelurahan" ? Row(r, i => i == 3) : r)
            : kelurahanScope ? table.Rows.Select(r => Row(r, i => i is 1 or 2)) : table.Rows;
        return table with { Rows = [.. rows] };
    }

    /// <summary>The table as CSV (<see cref="TableExport.Csv"/>).</summary>
    public static byte[] Csv(ExportTable table) => TableExport.Csv(table);

    /// <summary>The tables as one workbook (<see cref="TableExport.Xlsx"/>).</summary>
    public static byte[] Xlsx(ExportTable table, params ExportTable[] more) => TableExport.Xlsx(table, more);

    /// <summary>Maps the two downloads (signed-in users and API clients, like the indicator API).</summary>
    public static WebApplication MapIndicatorExports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/" + IndicatorLinks.Route + "/{code}/ekspor.{format}",
            async (HttpContext http, IndicatorDetailQueries queries, SmallCounts small, IStringLocalizer<UiStrings> text, string code, string format, string? wilayah, string? opd, string? periode, string? tabel, CancellationToken ct) =>
            {
                if (format is not ("csv" or "xlsx"))
                {
                    return Results.NotFound();
                }
                var period = IndicatorLinks.ParsePeriod(periode);
                var scope = IndicatorDetailQueries.ResolveScope(string.IsNullOrEmpty(opd) ? wilayah : opd);
                var view = await queries.GetAsync(code, scope.Code, period, ct);
                if (view is null)
                {
                    return Results.NotFound();
                }
                // Rows download for the indicator's owner, or at the reader's own agency (docs/ARCHITECTURE.md "Access and scope").
                if (!ReaderScope.Of(http.User).MayDownloadIndicator(view.Definition.OwnerOpd, scope.Kind, scope.Code))
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }
                var trend = SuppressSmallCounts(Trend(view, text), view, small);
                // Another agency's indicator: its values per agency (the league) without its regions.
                var regions = SuppressSmallCounts(Regions(view, ReaderScope.Of(http.User).OwnsDetailOf(view.Definition.OwnerOpd)), view, small);
                // CSV carries one table: the trend, or the drill-down table with ?tabel=wilayah; Excel both.
                var csvTable = string.Equals(tabel, "wilayah", StringComparison.OrdinalIgnoreCase) ? regions : trend;
                var file = $"{code.ToLowerInvariant()}-{view.ScopeCode}-{(csvTable == regions && format == "csv" ? "wilayah" : IndicatorLinks.Param(period))}.{format}";
                return format == "csv"
                    ? Results.File(Csv(csvTable), TableExport.CsvContentType, file)
                    : Results.File(Xlsx(trend, regions), TableExport.XlsxContentType, file);
            }).RequireAuthorization(Policies.ReadIndicators).ExcludeFromDescription();
        return app;
    }
}
