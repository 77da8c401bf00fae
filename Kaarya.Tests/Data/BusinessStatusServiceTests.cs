using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Tests.Domain;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Businesses;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>
/// Staff pause, resume and close a business with a cause from the programme's list; a business
/// whose money waits for approval is not closed, and a closed one takes no new request.
/// </summary>
public abstract class BusinessStatusServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Flooded = new(2013, 9, 10);

    private TestDatabase _database = null!;
    private StoredCase _stored = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private BusinessStatusService Service => new(_database);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _stored = await StoredCase.CreateAsync(_database, decided: Money.FromRupees(12_000));
        await using var db = _database.CreateDbContext();
        db.ActingAs(Actors.Manager);
        db.BusinessStatusCauses.AddRange(BusinessStatusCause.FirstList());
        await db.SaveChangesAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_business_is_paused_for_a_cause_and_resumes()
    {
        await Service.ChangeAsync(Change(StatusChange.Pause, "Market", "The haat was flooded for a week."), Actors.Staff, Cancel);
        var paused = await BusinessAsync();
        await Service.ChangeAsync(new BusinessStatusInput { BusinessId = _stored.Given.Business.Id, Change = StatusChange.Resume, On = Flooded.AddDays(7) }, Actors.Staff, Cancel);

        Assert.Equal((BusinessStatus.Paused, "Market", "The haat was flooded for a week."), (paused.Status, paused.StatusCause, paused.StatusReason));
        Assert.Equal(BusinessStatus.Running, (await BusinessAsync()).Status);
    }

    [Fact]
    public async Task A_business_with_a_request_waiting_is_not_closed()
    {
        await _stored.RecordAsync(Money.FromRupees(5_000));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.ChangeAsync(Change(StatusChange.Close, "Family", ""), Actors.Staff, Cancel));

        Assert.Equal("close-request-waiting", refusal.Code);
        Assert.Equal(BusinessStatus.Running, (await BusinessAsync()).Status);
    }

    [Fact]
    public async Task A_closed_business_takes_no_new_request_for_money()
    {
        await Service.ChangeAsync(Change(StatusChange.Close, "Migration", "She moved to Kolkata with her family."), Actors.Staff, Cancel);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _stored.RecordAsync(Money.FromRupees(5_000)));

        Assert.Equal("business-closed", refusal.Code);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.DisbursementRequests.AnyAsync(Cancel));
    }

    [Fact]
    public async Task Other_without_a_note_is_refused_and_nothing_changes()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.ChangeAsync(Change(StatusChange.Pause, "Other", " "), Actors.Staff, Cancel));

        Assert.Equal("status-note-needed", refusal.Code);
        Assert.Equal(BusinessStatus.Running, (await BusinessAsync()).Status);
    }

    private BusinessStatusInput Change(StatusChange change, string cause, string note)
    {
        using var db = _database.CreateDbContext();
        return new BusinessStatusInput
        {
            BusinessId = _stored.Given.Business.Id,
            Change = change,
            On = Flooded,
            CauseId = db.BusinessStatusCauses.Single(c => c.Name == cause).Id,
            Note = note,
        };
    }

    private async Task<Business> BusinessAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Businesses.SingleAsync(b => b.Id == _stored.Given.Business.Id, Cancel);
    }

    public sealed class OnSqlite() : BusinessStatusServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BusinessStatusServiceTests(DatabaseProvider.Postgres);
}
