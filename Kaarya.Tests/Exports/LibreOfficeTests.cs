using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Kaarya.Domain.Common;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Exports.Sheets;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Exports;

/// <summary>
/// The workbook in a real spreadsheet program: LibreOffice opens it, recalculates every formula
/// and shows the Summary's SUMIFS over the Ledger table coming to the ledger's own totals.
/// </summary>
public sealed partial class LibreOfficeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LibreOffice_opens_the_workbook_and_recomputes_the_summary_to_the_ledgers_totals()
    {
        LibreOffice.Require();
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        await using var db = database.CreateDbContext();
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Cancel);
        var funders = await db.Funders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, Cancel);
        var phases = await db.Phases.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, Cancel);
        Assert.Contains(entries, e => e.AmountPaise < 0);

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        // As exported, and with every stored formula value taken out, so that the figures read back
        // can only be LibreOffice's own.
        var shown = LibreOffice.SheetsAsCsvAsync(workbook.Bytes, Cancel);
        var recomputed = LibreOffice.SheetsAsCsvAsync(WithoutFormulaValues(workbook.Bytes), Cancel);
        await Task.WhenAll(shown, recomputed);

        string[] sheets = [ManifestSheet.Name, LedgerSheet.Name, BalancesSheet.Name, SummarySheet.Name, DecisionsSheet.Name, UtilisationSheet.Name];
        Assert.Equal(sheets.Order(), (await shown).Keys.Order());
        var ledger = (await shown)[LedgerSheet.Name].Where(row => row.Any(cell => cell.Length > 0)).ToList();
        Assert.Equal(entries.Count + 1, ledger.Count);
        // Every amount as shown, reversals with their minus sign.
        var amount = IndexOf(ledger[0], LedgerSheet.Amount);
        Assert.Equal(entries.Select(e => Rupees(e.AmountPaise)), ledger.Skip(1).Select(row => Amount(row[amount])));

        var summary = (await recomputed)[SummarySheet.Name];
        var header = summary[1];
        var total = IndexOf(header, "Total");
        foreach (var (funderId, name) in funders)
        {
            var row = RowOf(summary, name);
            var paid = entries.Where(e => e.FunderId == funderId).ToList();
            Assert.Equal(Rupees(paid.Sum(e => e.AmountPaise)), Amount(row[total]));
            for (var column = 1; column < total; column++)
            {
                var month = DateTime.ParseExact(header[column], "MMM yyyy", CultureInfo.InvariantCulture);
                var inMonth = paid.Where(e => e.ValueDate.Year == month.Year && e.ValueDate.Month == month.Month);
                Assert.Equal(Rupees(inMonth.Sum(e => e.AmountPaise)), Amount(row[column]));
            }
        }

        var net = entries.Sum(e => e.AmountPaise);
        Assert.Equal(Rupees(net), Amount(RowOf(summary, "Total")[total]));
        foreach (var (phaseId, name) in phases)
        {
            var row = RowOf(summary, name);
            var inPhase = entries.Where(e => e.PhaseId == phaseId).ToList();
            Assert.Equal(Rupees(inPhase.Where(e => e.AmountPaise > 0).Sum(e => e.AmountPaise)), Amount(row[1]));
            Assert.Equal(Rupees(inPhase.Where(e => e.AmountPaise < 0).Sum(e => e.AmountPaise)), Amount(row[2]));
            Assert.Equal(Rupees(inPhase.Sum(e => e.AmountPaise)), Amount(row[3]));
        }

        Assert.Equal(Rupees(net), Amount(RowOf(summary, "Ledger table total")[1]));
        Assert.Equal(0m, Amount(RowOf(summary, "Funder total less ledger total")[1]));

        // Shown the Indian way, lakhs and all, by a program that reads the format the workbook wrote.
        Assert.Equal(Money.FromPaise(net).Format(withSymbol: true), RowOf((await shown)[SummarySheet.Name], "Ledger table total")[1]);

        var balances = (await recomputed)[BalancesSheet.Name];
        Assert.Equal(Rupees(net), Amount(RowOf(balances, "Total")[IndexOf(balances[0], "Net")]));
    }

    /// <summary>The workbook with the value each formula came to removed from every sheet.</summary>
    private static byte[] WithoutFormulaValues(byte[] workbook)
    {
        using var copy = new MemoryStream();
        copy.Write(workbook);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    xml = reader.ReadToEnd();
                }

                var stripped = FormulaValue().Replace(xml, "$1");
                if (stripped != xml)
                {
                    using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                    writer.BaseStream.SetLength(0);
                    writer.Write(stripped);
                }
            }
        }

        return copy.ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> row, string text)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (row[i] == text)
            {
                return i;
            }
        }

        Assert.Fail($"No \"{text}\" in {string.Join(", ", row)}.");
        return -1;
    }

    private static IReadOnlyList<string> RowOf(IReadOnlyList<IReadOnlyList<string>> sheet, string first) =>
        sheet.FirstOrDefault(row => row.Count > 0 && row[0] == first) ?? throw new InvalidOperationException($"No row \"{first}\".");

    /// <summary>An amount as LibreOffice shows it, e.g. ₹1,25,000.00 or -₹12,000.00, in rupees.</summary>
    private static decimal Amount(string shown) =>
        decimal.Parse(shown.Replace("₹", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal Rupees(long paise) => paise / 100m;

    [GeneratedRegex("(</(?:[A-Za-z]+:)?f>)<(?:[A-Za-z]+:)?v>[^<]*</(?:[A-Za-z]+:)?v>")]
    private static partial Regex FormulaValue();
}
