using System.Globalization;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Web.Features.Exports.Sheets;

/// <summary>The few formulas the workbook writes, spelled the way a person would type them.</summary>
public static class Formulas
{
    /// <summary><c>SUM(B3:B9)</c>: a column's rows from first to last.</summary>
    public static string Sum(int column, int firstRow, int lastRow) =>
        $"SUM({Cell(column, firstRow)}:{Cell(column, lastRow)})";

    /// <summary>A cell's address, e.g. column 1, row 3 is B3.</summary>
    public static string Cell(int column, int row) =>
        SheetWriter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A table column, e.g. <c>Ledger[Amount]</c>.</summary>
    public static string Column(string column) => $"{LedgerSheet.TableName}[{column}]";
}
