using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Tests.Data;
using Kaarya.Tests.Domain;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Auditing;
using Kaarya.Web.Features.Businesses;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Security;

/// <summary>Each kind of event lands in the audit log with who, when, what, and the old and new values.</summary>
public sealed class AuditTrailTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_is_recorded_field_by_field_with_old_and_new_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await StoredCase.CreateAsync(database);
        database.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = database.CreateDbContext())
        {
            db.ActingAs(Actors.OtherStaff);
            var business = await db.Businesses.SingleAsync(Cancel);
            business.Pause(new DateOnly(2013, 9, 10), Kaarya.Tests.Domain.Causes.Other(), "Birds fell ill");
            await db.SaveChangesAsync(Cancel);
        }

        var change = await SingleAsync(database, a => a.Action == AuditAction.Changed && a.RecordType == nameof(Business));

        Assert.Equal(Actors.OtherStaff.UserId, change.UserId);
        Assert.Equal(database.Clock.GetUtcNow(), change.At);
        Assert.Equal(stored.Given.Business.Id.ToString(), change.RecordId);
        Assert.Contains(new FieldChange(nameof(Business.Status), "Running", "Paused"), change.Changes);
        Assert.Contains(new FieldChange(nameof(Business.StatusReason), null, "Birds fell ill"), change.Changes);
        Assert.DoesNotContain(change.Changes, c => c.Field == nameof(Business.Name));
    }

    [Fact]
    public async Task A_created_record_is_recorded_with_its_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await StoredCase.CreateAsync(database);

        var created = await SingleAsync(database, a => a.Action == AuditAction.Created && a.RecordType == nameof(Business));

        Assert.Equal(Actors.Staff.UserId, created.UserId);
        Assert.Contains(new FieldChange(nameof(Business.Name), null, stored.Given.Business.Name), created.Changes);
    }

    [Fact]
    public async Task Approval_rejection_reversal_and_period_close_are_recorded_with_who_and_what()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await StoredCase.CreateAsync(database);
        var posted = await stored.PostAsync(Money.FromRupees(5_000));
        var rejected = await stored.RecordAsync(Money.FromRupees(2_000));
        await stored.Service.RejectAsync(rejected, Actors.Manager, "Wrong account number", Cancel);
        await stored.Service.ReverseAsync(posted.Sequence, Actors.Manager, "Paid twice", Days.Paid, Cancel);
        await stored.Service.ClosePeriodAsync(new DateOnly(2013, 8, 31), Actors.Manager, Cancel);

        var approval = await SingleAsync(database, a => a.Action == AuditAction.Approved);
        var rejection = await SingleAsync(database, a => a.Action == AuditAction.Rejected);
        var reversal = await SingleAsync(database, a => a.Action == AuditAction.Reversed);
        var close = await SingleAsync(database, a => a.Action == AuditAction.PeriodClosed);

        Assert.All(new[] { approval, rejection, reversal, close }, a => Assert.Equal(Actors.Manager.UserId, a.UserId));
        Assert.Contains("#1", approval.Summary, StringComparison.Ordinal);
        Assert.Equal(rejected.ToString(), rejection.RecordId);
        Assert.Contains("Wrong account number", rejection.Summary, StringComparison.Ordinal);
        Assert.Equal("1", reversal.RecordId);
        Assert.Contains("Paid twice", reversal.Summary, StringComparison.Ordinal);
        Assert.Equal("31-08-2013", close.RecordId);
        var statusChange = await SingleAsync(database, a => a.Action == AuditAction.Changed && a.RecordId == rejected.ToString());
        Assert.Contains(new FieldChange("Status", "Pending", "Rejected"), statusChange.Changes);
    }

    [Fact]
    public async Task Opening_a_survivors_record_is_recorded_for_anyone_but_herself()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await StoredCase.CreateAsync(database);
        var staff = Viewer.Staff(Actors.Staff);

        await new BusinessDirectory(database, database.Gate).GetAsync(stored.Given.Business.Id, staff, Cancel);

        var view = await SingleAsync(database, a => a.Action == AuditAction.Viewed);
        Assert.Equal(Actors.Staff.UserId, view.UserId);
        Assert.Equal(stored.Given.Participant.Code.Value, view.RecordId);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        await StoredCase.CreateAsync(database);

        var update = await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteRawAsync("UPDATE AuditEntries SET UserId = 'someone-else'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => database.ExecuteRawAsync("DELETE FROM AuditEntries"));

        Assert.Contains(AuditGuard.Refused, update.Message, StringComparison.Ordinal);
        Assert.Contains(AuditGuard.Refused, delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manager_searches_the_log_by_user_date_action_and_record()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await StoredCase.CreateAsync(database);
        database.Clock.Advance(TimeSpan.FromDays(3));
        var entry = await stored.PostAsync(Money.FromRupees(5_000));
        var search = new AuditSearch(database, database.Audit);
        var manager = Viewer.Staff(Actors.Manager);
        var today = ProgrammeCalendar.Today(database.Clock);

        var byUser = await search.SearchAsync(new AuditFilter { UserId = Actors.Manager.UserId }, manager, Cancel);
        var byAction = await search.SearchAsync(new AuditFilter { Action = AuditAction.Approved }, manager, Cancel);
        var byDate = await search.SearchAsync(new AuditFilter { From = today, Until = today }, manager, Cancel);
        var beforeThat = await search.SearchAsync(new AuditFilter { Until = today.AddDays(-1) }, manager, Cancel);
        var byRecord = await search.SearchAsync(new AuditFilter { Record = entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) }, manager, Cancel);

        Assert.NotEmpty(byUser);
        Assert.All(byUser, a => Assert.Equal(Actors.Manager.UserId, a.UserId));
        Assert.Equal(AuditAction.Approved, Assert.Single(byAction).Action);
        Assert.NotEmpty(byDate);
        Assert.All(byDate, a => Assert.Equal(today, ProgrammeCalendar.Today(a.At)));
        Assert.NotEmpty(beforeThat);
        Assert.DoesNotContain(beforeThat, a => a.Action == AuditAction.Approved);
        Assert.Contains(byRecord, a => a.RecordType == "LedgerEntry" && a.Action == AuditAction.Created);
    }

    [Fact]
    public async Task Only_the_manager_searches_the_log()
    {
        await using var database = await TestDatabase.CreateAsync();
        var search = new AuditSearch(database, database.Audit);

        await Assert.ThrowsAsync<AccessDeniedException>(() => search.SearchAsync(new AuditFilter(), Viewer.Staff(Actors.Staff), Cancel));
        var refusal = await SingleAsync(database, a => a.Action == AuditAction.AccessRefused);
        Assert.Equal(Actors.Staff.UserId, refusal.UserId);
    }

    private static async Task<AuditEntry> SingleAsync(TestDatabase database, System.Linq.Expressions.Expression<Func<AuditEntry, bool>> match)
    {
        await using var db = database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().SingleAsync(match, Cancel);
    }
}
