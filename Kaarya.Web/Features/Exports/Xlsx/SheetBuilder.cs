namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Column widths worked out from what the cells hold, in characters, because ClosedXML's
/// AdjustToContents measures text through GDI+, which a server need not have (STACK.md).
/// </summary>
public static class ColumnWidths
{
    public const int Narrowest = 8;
    public const int Widest = 60;

    /// <summary>A column as wide as its longest content, a little room either side, within limits.</summary>
    public static double For(int characters) => Math.Clamp(characters + 2, Narrowest, Widest);
}

/// <summary>
/// A small sheet held in memory until it is written, so that its column widths can follow its
/// content: the manifest, balances, summary, decisions and utilisation. Only the ledger is too
/// big for this, and it is streamed instead (see <see cref="SheetWriter"/>).
/// </summary>
public sealed class SheetBuilder
{
    private readonly List<XCell[]> _rows = [];
    private readonly List<int> _widths = [];

    /// <summary>The row number the next row will have.</summary>
    public int NextRow => _rows.Count + 1;

    public void Row(params XCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _rows.Add(cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (_widths.Count <= i)
            {
                _widths.Add(0);
            }

            _widths[i] = Math.Max(_widths[i], cells[i].Width);
        }
    }

    /// <summary>An empty row, to separate two parts of a sheet.</summary>
    public void Gap() => _rows.Add([]);

    public IReadOnlyList<double> Widths() => _widths.Select(ColumnWidths.For).ToList();

    public void WriteTo(SheetWriter sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        foreach (var row in _rows)
        {
            sheet.Row(row);
        }
    }
}
