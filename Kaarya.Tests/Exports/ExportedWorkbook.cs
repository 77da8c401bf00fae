using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Tests.Data;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Tests.Exports;

/// <summary>
/// A workbook exported by the app and read back by libraries that did not write it: ClosedXML
/// for the cells, the Open XML SDK's validator for the file's structure.
/// </summary>
public sealed class ExportedWorkbook : IDisposable
{
    private ExportedWorkbook(byte[] bytes, LedgerWorkbookResult result, IReadOnlyList<ExportProgress> progress)
    {
        Bytes = bytes;
        Result = result;
        Progress = progress;
        Book = new XLWorkbook(new MemoryStream(bytes));
    }

    public byte[] Bytes { get; }

    public LedgerWorkbookResult Result { get; }

    public IReadOnlyList<ExportProgress> Progress { get; }

    public XLWorkbook Book { get; }

    public static Viewer Manager { get; } = Viewer.Staff(new Actor("manager.sutapa", KaaryaRole.ProgrammeManager));

    public static Viewer Auditor { get; } = Viewer.Staff(new Actor("auditor.kp", KaaryaRole.Auditor));

    public static async Task<TestDatabase> DemoDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await new DemoDataLoader(database, new DatabaseOptions()).LoadIfEmptyAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public static LedgerWorkbookExport Exporter(TestDatabase database) => new(database, database.Audit, database.Clock);

    public static async Task<ExportedWorkbook> ExportAsync(TestDatabase database, LedgerExportFilter filter, Viewer? viewer = null)
    {
        var progress = new List<ExportProgress>();
        using var stream = new MemoryStream();
        var result = await Exporter(database).WriteAsync(
            filter, viewer ?? Auditor, stream, new SynchronousProgress(progress), TestContext.Current.CancellationToken);
        return new ExportedWorkbook(stream.ToArray(), result, progress);
    }

    public IXLWorksheet Sheet(string name) => Book.Worksheet(name);

    /// <summary>The column numbered by its header in row 1 (or in <paramref name="headerRow"/>).</summary>
    public static int Column(IXLWorksheet sheet, string header, int headerRow = 1)
    {
        var found = sheet.Row(headerRow).CellsUsed().FirstOrDefault(c => c.GetString() == header);
        Assert.True(found is not null, $"No column \"{header}\" on {sheet.Name}.");
        return found!.Address.ColumnNumber;
    }

    /// <summary>The row whose first cell reads <paramref name="label"/>.</summary>
    public static int RowOf(IXLWorksheet sheet, string label, int after = 0)
    {
        var found = sheet.Column(1).CellsUsed().FirstOrDefault(c => c.Address.RowNumber > after && c.GetString() == label);
        Assert.True(found is not null, $"No row \"{label}\" on {sheet.Name}.");
        return found!.Address.RowNumber;
    }

    /// <summary>A formula cell's stored value (what a reader that does not recalculate shows), in rupees.</summary>
    public static decimal Stored(IXLCell cell) => Convert.ToDecimal(cell.CachedValue, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A plain number cell's value, in rupees.</summary>
    public static decimal Number(IXLCell cell)
    {
        Assert.False(cell.HasFormula, $"{cell.Address} holds a formula.");
        Assert.Equal(XLDataType.Number, cell.DataType);
        return cell.GetValue<decimal>();
    }

    /// <summary>Every problem the Open XML SDK's schema validator finds; an empty list for a sound file.</summary>
    public IReadOnlyList<string> ValidationErrors()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Bytes), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Every part of the file as text, to search for what must not be there.</summary>
    public string AllPartsText()
    {
        using var zip = new ZipArchive(new MemoryStream(Bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    /// <summary>The raw XML of one sheet's part, found as a spreadsheet program finds it: through the workbook's relationships.</summary>
    public string SheetXml(string sheetName)
    {
        using var zip = new ZipArchive(new MemoryStream(Bytes), ZipArchiveMode.Read);
        var part = new PackageParts(zip).Sheets[sheetName];
        using var reader = new StreamReader(zip.Entries.Single(e => PackageParts.Is(e, part)).Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Dispose() => Book.Dispose();

    /// <summary>Collects progress reports as they are made, not later on a captured context.</summary>
    private sealed class SynchronousProgress(List<ExportProgress> reports) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
