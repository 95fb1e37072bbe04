using System.Globalization;
using System.Text;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Web.Auth;
using Dashboard.Web.Shared.Export;

namespace Dashboard.Web.Features.Operations;

/// <summary>The console's downloads: a source's open quarantine as CSV (operators and administrators).</summary>
public static class OperationsEndpoints
{
    public const string QuarantineCsvPath = "/operasi/karantina.csv";

    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(QuarantineCsvPath, async (OperationsQueries queries, SourceCatalog catalog, string? sumber, string? cari, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(sumber) || !catalog.All.Any(s => s.Name == sumber))
            {
                return Results.Problem($"Parameter 'sumber' harus salah satu dari: {string.Join(", ", catalog.All.Select(s => s.Name))}.", statusCode: 400);
            }
            var rows = await queries.QuarantineAsync(sumber, cari, int.MaxValue, ct);
            var csv = new StringBuilder("id,source,resource,source_item_id,run_id,received_at_wib,reason,payload\r\n");
            foreach (var r in rows)
            {
                csv.AppendJoin(',', [
                    r.Id.ToString(CultureInfo.InvariantCulture), Cell(sumber), Cell(r.Resource), Cell(r.SourceItemId),
                    r.RunId.ToString(CultureInfo.InvariantCulture),
                    r.ReceivedAt.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Cell(r.Reason), Cell(r.Payload)]).Append("\r\n");
            }
            var file = $"karantina-{sumber.ToLowerInvariant()}.csv";
            // UTF-8 with a byte-order mark so that Excel opens Indonesian text correctly.
            return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", file);
        }).RequireAuthorization(Policies.Refresh).ExcludeFromDescription();
        return app;
    }

    /// <summary>A quoted CSV cell that a spreadsheet never runs as a formula (<see cref="TableExport.Cell"/>).</summary>
    public static string Cell(string? value) => TableExport.Cell(value);
}
