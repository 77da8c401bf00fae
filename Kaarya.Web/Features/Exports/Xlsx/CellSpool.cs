using System.Text;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// Rows of cells kept in a temporary file until they can be written: the ledger is read once,
/// and its totals are needed by the sheets ClosedXML builds before the Ledger sheet is written
/// (its cells name the formats of ClosedXML's stylesheet). A row costs its bytes on disk, not in
/// memory. The file is readable by this process's user only and is deleted when disposed.
/// </summary>
public sealed class CellSpool : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private bool _reading;

    private CellSpool(FileStream file)
    {
        _file = file;
        _writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
    }

    public long Rows { get; private set; }

    public static CellSpool Create()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 64 * 1024,
            Options = FileOptions.DeleteOnClose | FileOptions.SequentialScan,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Survivors' payments, perhaps their names: not for other users of the server.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = Path.Combine(Path.GetTempPath(), $"kaarya-spool-{Guid.NewGuid():N}.tmp");
        return new CellSpool(new FileStream(path, options));
    }

    public void Add(IReadOnlyList<XCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (_reading)
        {
            throw new InvalidOperationException("The spool is being read: add every row first.");
        }

        _writer.Write7BitEncodedInt(cells.Count);
        foreach (var cell in cells)
        {
            _writer.Write((byte)cell.Kind);
            _writer.Write((byte)cell.Style);
            switch (cell.Kind)
            {
                case XCellKind.Blank:
                    break;
                case XCellKind.Text:
                    _writer.Write(cell.Text!);
                    break;
                case XCellKind.Number:
                    _writer.Write(cell.Number);
                    break;
                case XCellKind.Formula:
                    _writer.Write(cell.Formula!);
                    _writer.Write(cell.Number);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown cell kind {cell.Kind}.");
            }
        }

        Rows++;
    }

    /// <summary>Every row added, in order. The spool is read once; widths are not kept.</summary>
    public IEnumerable<XCell[]> Read()
    {
        if (_reading)
        {
            throw new InvalidOperationException("The spool is read once.");
        }

        _reading = true;
        _writer.Flush();
        _file.Position = 0;
        return ReadRows();
    }

    private IEnumerable<XCell[]> ReadRows()
    {
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        for (var row = 0L; row < Rows; row++)
        {
            var cells = new XCell[reader.Read7BitEncodedInt()];
            for (var i = 0; i < cells.Length; i++)
            {
                var kind = (XCellKind)reader.ReadByte();
                var style = (XlStyle)reader.ReadByte();
                cells[i] = kind switch
                {
                    XCellKind.Blank => XCell.Blank,
                    XCellKind.Text => new XCell(kind, reader.ReadString(), 0, style, null, 0),
                    XCellKind.Number => new XCell(kind, null, reader.ReadDecimal(), style, null, 0),
                    XCellKind.Formula => ReadFormula(reader, style),
                    _ => throw new InvalidDataException($"Unknown cell kind {kind} in the spool."),
                };
            }

            yield return cells;
        }
    }

    private static XCell ReadFormula(BinaryReader reader, XlStyle style)
    {
        var formula = reader.ReadString();
        return new XCell(XCellKind.Formula, null, reader.ReadDecimal(), style, formula, 0);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
