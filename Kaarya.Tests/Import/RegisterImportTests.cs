using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Tests.Data;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using L = Kaarya.Web.Features.Import.ImportLayout;

namespace Kaarya.Tests.Import;

/// <summary>
/// Importing GGBK's existing registers from the downloaded template, on a real database holding
/// the demo programme: all or nothing, every bad row reported, past payments through the ledger.
/// </summary>
public abstract class RegisterImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Manager = new("manager.sutapa", KaaryaRole.ProgrammeManager);

    private TestDatabase _database = null!;
    private byte[] _template = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RegisterImport Import => new(_database, _database.Clock, NullLogger<RegisterImport>.Instance);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        _database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 2, 6, 0, 0, TimeSpan.Zero));
        _template = await new ImportTemplate(_database).BuildAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_filled_template_imports_every_register_and_the_chain_still_verifies()
    {
        var headBefore = await LedgerCountAsync();

        var report = await Import.ImportAsync(ImportWorkbookBuilder.GoodRegisters().Fill(_template), Manager, cancellationToken: Cancel);

        Assert.Empty(report.Problems);
        Assert.True(report.Stored);
        Assert.Equal(new ImportCounts(Participants: 2, Businesses: 2, Decisions: 2, Disbursements: 2), report.Counts);
        await using var db = _database.CreateDbContext();
        var mita = await db.Participants.SingleAsync(p => p.Code == ParticipantCode.Create("GGB-02"), Cancel);
        Assert.Equal("রুমকি", mita.GivenName);
        Assert.True(mita.HasConsented(ConsentPurpose.SharedWithFunder));
        Assert.Single(mita.Enrolments);
        Assert.Equal(headBefore + 2, await LedgerCountAsync());
        Assert.True((await _database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
    }

    [Fact]
    public async Task A_workbook_saved_again_by_a_spreadsheet_program_imports_the_same()
    {
        Kaarya.Tests.Exports.LibreOffice.Require();
        var resaved = await Kaarya.Tests.Exports.LibreOffice.SavedAgainAsync(ImportWorkbookBuilder.GoodRegisters().Fill(_template), Cancel);

        var report = await Import.ImportAsync(resaved, Manager, cancellationToken: Cancel);

        Assert.Empty(report.Problems);
        Assert.True(report.Stored);
        Assert.Equal(new ImportCounts(2, 2, 2, 2), report.Counts);
        await using var db = _database.CreateDbContext();
        var imported = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(2).ToListAsync(Cancel);
        Assert.Equal([700_000L, 500_050L], imported.Select(e => e.AmountPaise));
        Assert.Equal([new DateOnly(2013, 9, 20), new DateOnly(2013, 9, 10)], imported.Select(e => e.ValueDate));
        var rumki = await db.Participants.SingleAsync(p => p.Code == ParticipantCode.Create("GGB-02"), Cancel);
        Assert.Equal("রুমকি", rumki.GivenName);
        Assert.True((await _database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
    }

    [Fact]
    public async Task A_register_kept_in_Calc_with_dates_and_amounts_typed_as_text_and_empty_rows_imports_as_written()
    {
        Kaarya.Tests.Exports.LibreOffice.Require();
        var register = new ImportWorkbookBuilder()
            .Participant("GGB-01", "Mita")
            .EmptyRow(L.Participants.Sheet)
            .Participant("GGB-02", "রুমকি")
            .With(L.Participants.Sheet, 3, L.Participants.EnrolledOn, "01-08-2013")
            .Business("GGB-01-tea", "GGB-01", "Tea stall", "Food stall")
            .Business("GGB-02-tailoring", "GGB-02", "Tailoring unit", "Tailoring")
            .ImmediateDecision("D-01", "GGB-01-tea", "12,500")
            .DelayedDecision("D-02", "GGB-02-tailoring")
            .Payment("D-01", "7000", "20-09-2013", "Cash")
            .EmptyRow(L.Disbursements.Sheet)
            .EmptyRow(L.Disbursements.Sheet)
            .Payment("D-01", 5_000.5m, "2013-09-10", "Bank transfer", reference: "UTR-1188");
        var resaved = await Kaarya.Tests.Exports.LibreOffice.SavedAgainAsync(register.Fill(_template), Cancel);

        var report = await Import.ImportAsync(resaved, Manager, cancellationToken: Cancel);

        Assert.Empty(report.Problems);
        Assert.Equal(new ImportCounts(2, 2, 2, 2), report.Counts);
        await using var db = _database.CreateDbContext();
        var imported = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(2).ToListAsync(Cancel);
        imported.Reverse();
        Assert.Equal([(new DateOnly(2013, 9, 10), 500_050L), (new DateOnly(2013, 9, 20), 700_000L)], imported.Select(e => (e.ValueDate, e.AmountPaise)));
        var rumki = await db.Participants.SingleAsync(p => p.Code == ParticipantCode.Create("GGB-02"), Cancel);
        Assert.Equal(new DateOnly(2013, 8, 1), Assert.Single(rumki.Enrolments).EnrolledOn);
        Assert.True((await _database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
    }

    [Fact]
    public async Task Past_disbursements_enter_the_ledger_in_value_date_order_to_the_paisa_with_four_eyes()
    {
        await Import.ImportAsync(ImportWorkbookBuilder.GoodRegisters().Fill(_template), Manager, cancellationToken: Cancel);

        await using var db = _database.CreateDbContext();
        var imported = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(2).ToListAsync(Cancel);
        imported.Reverse();
        Assert.Equal([new DateOnly(2013, 9, 10), new DateOnly(2013, 9, 20)], imported.Select(e => e.ValueDate));
        Assert.Equal([500_050L, 700_000L], imported.Select(e => e.AmountPaise));
        Assert.All(imported, e => Assert.Equal(("staff.rina", "manager.sutapa"), (e.RecordedBy, e.ApprovedBy)));
        Assert.Equal(PaymentMethod.BankTransfer, imported[0].Method);
        Assert.Equal("UTR-1188", imported[0].Reference);
    }

    [Fact]
    public async Task A_workbook_with_bad_rows_on_several_sheets_stores_nothing_and_reports_each_row()
    {
        var workbook = ImportWorkbookBuilder.GoodRegisters()
            .Participant("not a code", "Rina")                                   // Participants row 4
            .Participant("GGB-04", "Sabina", consentsToDataKept: "No")           // Participants row 5
            .Business("GGB-99-shop", "GGB-99", "Grocery", "Shop")                // Businesses row 4
            .ImmediateDecision("D-03", "GGB-01-tea", 25_000m)                     // Decisions row 4: above the band, no override
            .Payment("D-01", "12,500.005", new DateTime(2013, 9, 25), "Cash")     // Past disbursements row 4: a fraction of a paisa
            .Payment("D-01", 1_000m, new DateTime(2013, 9, 26), "Cash", recordedBy: "manager.sutapa") // row 5: she approves her own
            .Payment("D-01", 1_000m, "31-02-2013", "Cheque", reference: "000123"); // row 6: no such date
        var before = await TableCountsAsync();

        var report = await Import.ImportAsync(workbook.Fill(_template), Manager, cancellationToken: Cancel);

        Assert.False(report.Stored);
        Assert.Equal(before, await TableCountsAsync());
        Assert.Equal(
            [
                (L.Participants.Sheet, 4, L.Participants.Code),
                (L.Participants.Sheet, 5, L.Participants.ConsentsToDataKept),
                (L.Businesses.Sheet, 4, L.Businesses.Participant),
                (L.Decisions.Sheet, 4, L.Decisions.Amount),
                (L.Disbursements.Sheet, 4, L.Disbursements.Amount),
                (L.Disbursements.Sheet, 5, L.Disbursements.ApprovedBy),
                (L.Disbursements.Sheet, 6, L.Disbursements.ValueDate),
            ],
            report.Problems.Select(p => (p.Sheet, p.Row, p.Column)));
        Assert.Equal("Refusal.outside-band", report.Problems.Single(p => p.Sheet == L.Decisions.Sheet).Key);
        Assert.Equal("Refusal.four-eyes", report.Problems.Single(p => p.Row == 5 && p.Sheet == L.Disbursements.Sheet).Key);
    }

    [Fact]
    public async Task A_business_of_a_participant_neither_in_the_workbook_nor_in_Kaarya_is_reported_by_her_code()
    {
        var workbook = new ImportWorkbookBuilder().Business("KAA-77-shop", "KAA-77", "Grocery", "Shop");

        var report = await Import.CheckAsync(workbook.Fill(_template), Manager, cancellationToken: Cancel);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((L.Businesses.Sheet, 2, "Import.Problem.UnknownParticipant"), (problem.Sheet, problem.Row, problem.Key));
        Assert.Equal("KAA-77", problem.Arguments[0]);
    }

    [Fact]
    public async Task Businesses_may_belong_to_participants_already_in_Kaarya_each_to_the_one_her_code_names()
    {
        var workbook = new ImportWorkbookBuilder()
            .Business("KAA-01-goats", "KAA-01", "Goats", "Livestock")
            .Business("KAA-02-tea", "kaa-02", "Tea stall", "Shop")
            .Business("KAA-01-ducks", "KAA-01", "Ducks", "Livestock");

        var report = await Import.ImportAsync(workbook.Fill(_template), Manager, cancellationToken: Cancel);

        Assert.True(report.Stored);
        Assert.Equal(3, report.Counts.Businesses);
        await using var db = _database.CreateDbContext();
        var owners = await db.Businesses.Where(b => b.Name == "Goats" || b.Name == "Tea stall" || b.Name == "Ducks")
            .Join(db.Participants, b => b.ParticipantId, p => p.Id, (b, p) => new { b.Name, p.Code })
            .ToListAsync(Cancel);
        Assert.Equal(
            [("Ducks", "KAA-01"), ("Goats", "KAA-01"), ("Tea stall", "KAA-02")],
            owners.Select(o => (o.Name, o.Code.Value)).Order());
    }

    [Fact]
    public async Task Importing_the_same_rows_twice_refuses_each_participant_by_her_existing_code_and_stores_nothing_more()
    {
        var file = ImportWorkbookBuilder.GoodRegisters().Fill(_template);
        await Import.ImportAsync(file, Manager, cancellationToken: Cancel);
        var afterFirst = await TableCountsAsync();

        var again = await Import.ImportAsync(file, Manager, cancellationToken: Cancel);

        Assert.False(again.Stored);
        Assert.Equal(afterFirst, await TableCountsAsync());
        var taken = again.Problems.Where(p => p.Key == "Import.Problem.CodeTaken").ToList();
        Assert.Equal([(2, "GGB-01"), (3, "GGB-02")], taken.Select(p => (p.Row, p.Arguments[0])));
    }

    [Fact]
    public async Task A_code_written_twice_in_one_workbook_is_reported_on_its_second_row()
    {
        var workbook = new ImportWorkbookBuilder().Participant("GGB-01", "Mita").Participant("ggb-01", "Mita");

        var report = await Import.CheckAsync(workbook.Fill(_template), Manager, cancellationToken: Cancel);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, "Import.Problem.CodeRepeated"), (problem.Row, problem.Key));
    }

    [Fact]
    public async Task A_check_of_a_good_workbook_reports_what_would_be_stored_and_stores_nothing()
    {
        var before = await TableCountsAsync();

        var report = await Import.CheckAsync(ImportWorkbookBuilder.GoodRegisters().Fill(_template), Manager, cancellationToken: Cancel);

        Assert.True(report.IsValid);
        Assert.False(report.Stored);
        Assert.Equal(new ImportCounts(2, 2, 2, 2), report.Counts);
        Assert.Equal(before, await TableCountsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_is_refused_before_anything_is_read()
    {
        var refused = await Assert.ThrowsAsync<ImportFileRefusedException>(() =>
            Import.CheckAsync("code,name\nKAA-01,Mita\n"u8.ToArray(), Manager, cancellationToken: Cancel));

        Assert.Equal("Import.File.NotXlsx", refused.Key);
    }

    [Fact]
    public async Task A_workbook_that_is_not_the_template_is_refused_naming_what_it_lacks()
    {
        using var other = new ClosedXML.Excel.XLWorkbook();
        other.AddWorksheet("Sheet1").Cell(1, 1).Value = "Name";
        using var file = new MemoryStream();
        other.SaveAs(file);

        var refused = await Assert.ThrowsAsync<ImportFileRefusedException>(() => Import.CheckAsync(file.ToArray(), Manager, cancellationToken: Cancel));

        Assert.Equal(("Import.File.NoSheet", L.Participants.Sheet), (refused.Key, refused.Arguments[0]));
    }

    [Fact]
    public async Task A_failure_while_storing_rolls_everything_back()
    {
        // The database refuses the import's own audit entry: the last thing written, after every record and posting.
        await _database.ExecuteRawAsync(provider == DatabaseProvider.Postgres
            ? "CREATE FUNCTION import_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"Action\" = 'Imported' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$; "
              + "CREATE TRIGGER import_fails BEFORE INSERT ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION import_fails();"
            : "CREATE TRIGGER import_fails BEFORE INSERT ON \"AuditEntries\" WHEN NEW.\"Action\" = 'Imported' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        var before = await TableCountsAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            Import.ImportAsync(ImportWorkbookBuilder.GoodRegisters().Fill(_template), Manager, cancellationToken: Cancel));

        Assert.Equal(before, await TableCountsAsync());
        Assert.True((await _database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
    }

    [Fact]
    public async Task The_import_writes_one_audit_entry_naming_who_the_files_hash_and_the_counts()
    {
        var file = ImportWorkbookBuilder.GoodRegisters().Fill(_template);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));

        await Import.ImportAsync(file, Manager, cancellationToken: Cancel);

        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Imported, Cancel);
        Assert.Equal(("manager.sutapa", sha256, _database.Clock.GetUtcNow()), (entry.UserId, entry.RecordId, entry.At));
        Assert.Contains("2 participants, 2 businesses, 2 decisions, 2 past disbursements", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Mita", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Approved && a.At == _database.Clock.GetUtcNow(), Cancel));
    }

    [Fact]
    public async Task Only_a_programme_manager_imports()
    {
        var staff = new Actor("staff.rina", KaaryaRole.Staff);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Import.CheckAsync(ImportWorkbookBuilder.GoodRegisters().Fill(_template), staff, cancellationToken: Cancel));

        Assert.Equal("not-manager", refused.Code);
    }

    private async Task<long> LedgerCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.LedgerEntries.LongCountAsync(Cancel);
    }

    /// <summary>The number of rows in every table of the model, by table name.</summary>
    private async Task<Dictionary<string, long>> TableCountsAsync()
    {
        await using var db = _database.CreateDbContext();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // The table names come from the model, not from input.
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Cancel);
#pragma warning restore EF1002
        }

        Assert.True(counts.Count > 20, "every table of the model is counted");
        return counts;
    }

    public sealed class OnSqlite() : RegisterImportTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RegisterImportTests(DatabaseProvider.Postgres);
}
