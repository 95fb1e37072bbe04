using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Web.Shared.Live;
using Dashboard.Web.Shared.Localization;
using Dashboard.Web.Shared.Privacy;
using Dashboard.Web.Shared.Scope;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Export;

/// <summary>A column of a downloaded table: its snake_case header and its cell for a row.</summary>
/// <param name="IsCount">A count of people, families, requests or transactions: shown as "&lt; N" on a kelurahan-level row when below <c>Privacy:MinimumCount</c>.</param>
/// <param name="IsDerived">A rate or share computed from the row's counts (per 10,000 residents, % done): left empty in a row
/// whose count is suppressed, since with the public population it would give the count back.</param>
public sealed record ExportColumn<TRow>(string Name, Func<TRow, object?> Value, bool IsCount = false, bool IsDerived = false);

/// <summary>Where a table of a page downloads from: <c>{Path}.csv{Query}</c> and <c>{Path}.xlsx{Query}</c>.</summary>
public sealed record ExportLink(string Table, string Path, string Query)
{
    public string Csv => $"{Path}.csv{Query}";

    public string Xlsx => $"{Path}.xlsx{Query}";
}

/// <summary>One table or chart series of a domain page as it downloads: the page's rows of its view, its indicators.</summary>
public abstract class DomainTable<TView>(string id, IReadOnlyList<string> indicators)
{
    /// <summary>The table's name in its URL, its file and its metadata (snake_case, Indonesian).</summary>
    public string Id { get; } = id;

    /// <summary>The indicator codes the table's numbers are, where there are any.</summary>
    public IReadOnlyList<string> Indicators { get; } = indicators;

    /// <summary>The table's rows from <paramref name="view"/>, small counts of kelurahan-level rows suppressed.</summary>
    public abstract ExportTable Build(TView view, SmallCounts small);
}

/// <summary>A <see cref="DomainTable{TView}"/> whose rows are <typeparamref name="TRow"/>s.</summary>
public sealed class DomainTable<TView, TRow>(
    string id, Func<TView, IEnumerable<TRow>> rows, Func<TView, TRow, bool> kelurahanLevel,
    Func<TView, IReadOnlyList<ExportColumn<TRow>>> columns, IReadOnlyList<string> indicators) : DomainTable<TView>(id, indicators)
{
    public override ExportTable Build(TView view, SmallCounts small)
    {
        ArgumentNullException.ThrowIfNull(small);
        var shown = columns(view);
        var data = rows(view)
            .Select(row =>
            {
                var kelurahan = kelurahanLevel(view, row);
                var cells = shown.Select(c => Cell(c.Value(row), c.IsCount && kelurahan, small)).ToArray();
                if (cells.Where((cell, i) => shown[i].IsCount && cell is string).Any())
                {
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = shown[i].IsDerived ? null : cells[i];
                    }
                }
                return (IReadOnlyList<object?>)cells;
            })
            .ToList();
        return new ExportTable(Id, [.. shown.Select(c => c.Name)], data, []);
    }

    /// <summary>Numbers as doubles (numbers in Excel), days as ISO dates, instants in WIB, the rest as text.</summary>
    private static object? Cell(object? value, bool suppress, SmallCounts small)
    {
        object? cell = value switch
        {
            null => null,
            int i => (double)i,
            long l => (double)l,
            double d => d,
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset at => DomainExports.WibText(at),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return suppress && cell is double count && small.IsSuppressed(count) ? small.Display(count, _ => "") : cell;
    }
}

/// <summary>Builds a page's tables with its view type fixed, so that each table's row type is inferred.</summary>
public sealed class DomainTables<TView>
{
    /// <summary>A table with the same columns whatever the view.</summary>
    public DomainTable<TView> Table<TRow>(
        string id, Func<TView, IEnumerable<TRow>> rows, Func<TView, TRow, bool> kelurahanLevel, IReadOnlyList<string> indicators,
        params ExportColumn<TRow>[] columns) =>
        new DomainTable<TView, TRow>(id, rows, kelurahanLevel, _ => columns, indicators);

    /// <summary>A table whose columns follow the view (a column a programme or a letter type, like the chart's series).</summary>
    public DomainTable<TView> Table<TRow>(
        string id, Func<TView, IEnumerable<TRow>> rows, Func<TView, TRow, bool> kelurahanLevel, IReadOnlyList<string> indicators,
        Func<TView, IReadOnlyList<ExportColumn<TRow>>> columns) =>
        new DomainTable<TView, TRow>(id, rows, kelurahanLevel, columns, indicators);
}

/// <summary>A domain page's downloads, mapped by <see cref="DomainExports.MapDomainExports"/>.</summary>
public interface IDomainExport
{
    string Route { get; }

    string Policy { get; }

    string Source { get; }

    IEnumerable<string> TableIds { get; }

    void Map(IEndpointRouteBuilder endpoints);
}

/// <summary>
/// The downloads of one domain page: every table and chart series it shows, as CSV or .xlsx, at
/// <c>/{Route}/ekspor/{table}.csv|.xlsx</c> with the page's own query parameters (<c>?wilayah=</c>, <c>?opd=</c>,
/// <c>?sekolah=</c>). The download runs the page's query for the same scope (<see cref="Load"/> is the query the page
/// calls), so file and screen cannot drift; it is under the page's policy, so whoever may not open the page gets its
/// refusal instead of data.
/// </summary>
public sealed class DomainExport<TScope, TView> : IDomainExport
    where TView : class, IDomainView
{
    /// <summary>The page's path without its slash (<c>aduan</c>).</summary>
    public required string Route { get; init; }

    /// <summary>The page's authorization policy.</summary>
    public required string Policy { get; init; }

    /// <summary>The source the page shows (<c>KpiEvent.Source</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The scope the request's query parameters select, resolved like the page resolves its own.</summary>
    public required Func<IQueryCollection, TScope> Scope { get; init; }

    /// <summary>The query string that selects <c>scope</c> on the page and its downloads ("" for the city).</summary>
    public required Func<TScope, string> Query { get; init; }

    /// <summary>The page's query.</summary>
    public required Func<IServiceProvider, TScope, CancellationToken, Task<TView>> Load { get; init; }

    /// <summary>The filters behind the view for the metadata sheet: the region's (or OPD's, or school's) code and name.</summary>
    public required Func<TView, IReadOnlyList<KeyValuePair<string, string>>> Filters { get; init; }

    public required IReadOnlyList<DomainTable<TView>> Tables { get; init; }

    public IEnumerable<string> TableIds => Tables.Select(t => t.Id);

    /// <summary>The download links of <paramref name="table"/> for the scope on screen.</summary>
    public ExportLink Link(string table, TScope scope)
    {
        if (Tables.All(t => t.Id != table))
        {
            throw new ArgumentException($"The {Route} page exports no table '{table}'.", nameof(table));
        }
        return new ExportLink(table, $"{Route}/{DomainExports.Segment}/{table}", Query(scope));
    }

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"/{Route}/{DomainExports.Segment}/{{tabel}}.{{format}}",
            async (HttpContext http, SmallCounts small, TimeProvider time, IStringLocalizer<UiStrings> l, string tabel, string format, CancellationToken ct) =>
            {
                var table = Tables.FirstOrDefault(t => t.Id == tabel);
                if (table is null || format is not ("csv" or "xlsx"))
                {
                    return Results.NotFound();
                }
                var reader = Auth.ReaderScope.Of(http.User);
                var domain = Features.DomainRegistry.FindBySource(Source);
                if (domain is not null && !reader.MayDownload(domain, http.Request.Query[domain.ScopeParameter]))
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }
                var view = await Load(http.RequestServices, Scope(http.Request.Query), ct);
                var filters = Filters(view);
                var data = table.Build(view, small) with { Metadata = Metadata(table, view, filters, small, time, l) };
                if (domain is not null && reader.On(domain) != Auth.DomainAccess.Full)
                {
                    data = OwnAgencyRows(data, reader);
                }
                var file = $"{Route}-{table.Id}-{filters[0].Value}.{format}";
                return format == "csv"
                    ? Results.File(TableExport.Csv(data), TableExport.CsvContentType, file)
                    : Results.File(TableExport.Xlsx(data), TableExport.XlsxContentType, file);
            }).RequireAuthorization(Policy).ExcludeFromDescription();

    /// <summary>
    /// For a reader limited to their agency, the rows of a table keyed by agency (a <see cref="AgencyColumn"/> column)
    /// are their agency's only: downloads of rows are own-agency (docs/ARCHITECTURE.md "Access and scope").
    /// </summary>
    private static ExportTable OwnAgencyRows(ExportTable data, Auth.ReaderScope reader)
    {
        var column = data.Columns.ToList().IndexOf(DomainExports.AgencyColumn);
        return column < 0 ? data : data with
        {
            Rows = [.. data.Rows.Where(r => r[column] is string code && reader.OwnsDetailOf(code))],
        };
    }

    private List<KeyValuePair<string, string>> Metadata(
        DomainTable<TView> table, TView view, IReadOnlyList<KeyValuePair<string, string>> filters, SmallCounts small, TimeProvider time, IStringLocalizer l) =>
    [
        new("halaman", "/" + Route),
        new("sumber", Source),
        new("nama_sumber", l.SourceName(Source)),
        new("tabel", table.Id),
        .. filters,
        new("kode_indikator", string.Join(",", table.Indicators)),
        new("dibuat_wib", DomainExports.WibText(time.GetUtcNow())),
        new("pembaruan_berhasil_terakhir_wib", view.LastSuccessAt is { } at ? DomainExports.WibText(at) : ""),
        new("batas_jumlah_kecil", small.Minimum.ToString(CultureInfo.InvariantCulture)),
        new("catatan", $"Jumlah 1–{small.Minimum - 1} pada baris tingkat kelurahan ditampilkan sebagai \"< {small.Minimum}\"."),
    ];
}

public static class DomainExports
{
    /// <summary>The column that names a row's agency: an agency head downloads only their own agency's rows of such a table.</summary>
    public const string AgencyColumn = "kode_opd";

    /// <summary>The path segment under a page where its downloads are (<c>/aduan/ekspor/harian.csv</c>).</summary>
    public const string Segment = "ekspor";

    /// <summary>
    /// The downloads of a page whose scope is a region of <c>?wilayah=</c> (resolved by <see cref="RegionScope.Resolve"/>,
    /// like the page resolves it) loaded by <typeparamref name="TQueries"/>, the page's query service.
    /// </summary>
    public static DomainExport<string, TView> RegionPage<TView, TQueries>(
        string route, string policy, string source,
        Func<TQueries, string, CancellationToken, Task<TView>> load, Func<TView, Region> scope, IReadOnlyList<DomainTable<TView>> tables)
        where TView : class, IDomainView
        where TQueries : notnull => new()
        {
            Route = route,
            Policy = policy,
            Source = source,
            Scope = q => RegionScope.Resolve(q["wilayah"]).Code,
            Query = RegionQuery,
            Load = (services, code, ct) => load(services.GetRequiredService<TQueries>(), code, ct),
            Filters = v => RegionFilters(scope(v)),
            Tables = tables,
        };

    /// <summary>The metadata of a region scope: its Kemendagri code, name and level.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RegionFilters(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return [new("wilayah", region.Code), new("nama_wilayah", region.Name), new("tingkat_wilayah", region.Level.ToString().ToLowerInvariant())];
    }

    /// <summary>The page query of a region (<c>?wilayah=35.73.02</c>), empty for the city.</summary>
    public static string RegionQuery(string code) =>
        code == ReferenceData.KotaCode ? "" : "?wilayah=" + Uri.EscapeDataString(code);

    /// <summary>Whether <paramref name="code"/> is a kelurahan: its counts are the ones small enough to single a family out.</summary>
    public static bool IsKelurahan(string? code) => ReferenceData.Regions.Any(r => r.Code == code && r.Level == RegionLevel.Kelurahan);

    /// <summary>Whether <paramref name="reader"/> may follow <paramref name="link"/> (its page's domain and the scope in its query).</summary>
    public static bool MayDownload(Auth.ReaderScope reader, ExportLink link)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(link);
        var domain = Features.DomainRegistry.All.FirstOrDefault(d => link.Path.StartsWith(d.Route + "/", StringComparison.Ordinal));
        if (domain is null)
        {
            return true;
        }
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        return reader.MayDownload(domain, query.TryGetValue(domain.ScopeParameter, out var code) ? code.ToString() : null);
    }

    internal static string WibText(DateTimeOffset at) =>
        Wib.ToWib(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Maps the downloads of every page in <paramref name="pages"/>.</summary>
    public static IEndpointRouteBuilder MapDomainExports(this IEndpointRouteBuilder endpoints, params IDomainExport[] pages)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pages);
        foreach (var page in pages)
        {
            page.Map(endpoints);
        }
        return endpoints;
    }
}
