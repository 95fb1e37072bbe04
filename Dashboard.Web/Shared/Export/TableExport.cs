using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Web.Shared.Export;

/// <summary>A table to export: column headers, rows of cells (string, double or null), and the filters and metadata behind it.</summary>
public sealed record ExportTable(
    string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<KeyValuePair<string, string>> Metadata);

/// <summary>
/// The one writer of every download of a table (the indicator page, the domain pages): CSV (UTF-8 with BOM so that Excel
/// reads Indonesian text, invariant numbers, cells quoted and never formulas) and Excel .xlsx (DocumentFormat.OpenXml,
/// MIT) with the data on the first sheet and the filters and metadata on the last.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The table as CSV: a header line, then a line a row; numbers in invariant notation, text quoted.</summary>
    public static byte[] Csv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(Cell)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(c => c switch
            {
                null => "",
                double v => v.ToString("R", CultureInfo.InvariantCulture),
                _ => Cell(Convert.ToString(c, CultureInfo.InvariantCulture)),
            })).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A quoted CSV cell; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula.</summary>
    public static string Cell(string? value)
    {
        if (value is null)
        {
            return "";
        }
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// The table as an .xlsx workbook: sheet "Data" (header and rows, numbers as numbers), each of
    /// <paramref name="more"/> on a sheet of its own name, and sheet "Metadata" with the filters and metadata.
    /// </summary>
    public static byte[] Xlsx(ExportTable table, params ExportTable[] more)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(more);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, "Data", [table.Columns.Cast<object?>().ToList(), .. table.Rows]);
            uint id = 2;
            foreach (var extra in more)
            {
                AddSheet(workbook, sheets, id++, extra.Name, [extra.Columns.Cast<object?>().ToList(), .. extra.Rows]);
            }
            AddSheet(workbook, sheets, id, "Metadata",
                [["kunci", "nilai"], .. table.Metadata.Select(m => (IReadOnlyList<object?>)[m.Key, m.Value])]);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case double v:
                        row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(v) });
                        break;
                    case var text:
                        row.AppendChild(new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(XmlSafe(Convert.ToString(text, CultureInfo.InvariantCulture) ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                        break;
                }
            }
            data.AppendChild(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string ColumnName(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Source text without the characters XML cannot hold (a stray control character would fail the whole download).</summary>
    internal static string XmlSafe(string text)
    {
        if (!text.Any(c => !System.Xml.XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            return text;
        }
        return string.Concat(text.Where(c => System.Xml.XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)));
    }
}
