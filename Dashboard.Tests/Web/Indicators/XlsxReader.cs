using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Tests.Web.Indicators;

/// <summary>Reads an .xlsx back into rows of cell texts (numbers as their invariant text), sheet by sheet.</summary>
public static class XlsxReader
{
    public static Dictionary<string, List<List<string?>>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<List<string?>>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<List<string?>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference!.Value!);
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }
                    cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text);
                }
                rows.Add(cells);
            }
            result[sheet.Name!.Value!] = rows;
        }
        return result;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (ch - 'A' + 1);
        }
        return index - 1;
    }
}
