using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Businesses;

/// <summary>Records what happens beside a business: a sun or a cloud, a stock of assets and debts, a line of the cash book.</summary>
public sealed class BusinessBookService(IDbContextFactory<KaaryaDbContext> contexts)
{
    private static readonly TimelineEventInputValidator EventValidator = new();
    private static readonly FinancialSnapshotInputValidator SnapshotValidator = new();
    private static readonly CashBookEntryInputValidator CashValidator = new();

    public Task RecordEventAsync(TimelineEventInput input, Actor staff, CancellationToken cancellationToken = default) =>
        RecordAsync(EventValidator, input, input?.BusinessId, staff,
            (db, business) => db.TimelineEvents.Add(new TimelineEvent(business, input!.Kind!.Value, input.Category!.Value, input.OccurredOn!.Value, input.Text, staff)),
            cancellationToken);

    public Task TakeSnapshotAsync(FinancialSnapshotInput input, Actor staff, CancellationToken cancellationToken = default) =>
        RecordAsync(SnapshotValidator, input, input?.BusinessId, staff,
            (db, business) => db.FinancialSnapshots.Add(new FinancialSnapshot(
                business, input!.TakenOn!.Value, Money.Parse(input.Assets), Money.Parse(input.Liabilities), Money.Parse(input.LoansOutstanding), input.Insured, input.InsuranceNote)),
            cancellationToken);

    public Task RecordCashAsync(CashBookEntryInput input, Actor staff, CancellationToken cancellationToken = default) =>
        RecordAsync(CashValidator, input, input?.BusinessId, staff,
            (db, business) => db.CashBookEntries.Add(new CashBookEntry(business, input!.On!.Value, input.Kind!.Value, Money.Parse(input.Amount), input.Note)),
            cancellationToken);

    private async Task RecordAsync<TInput>(FluentValidation.IValidator<TInput> validator, TInput input, Guid? businessId, Actor staff, Action<KaaryaDbContext, Business> add, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(staff);
        staff.MustKeepRecords();
        InputCheck.Ensure(validator, input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ActingAs(staff);
        var business = await db.Businesses.SingleOrDefaultAsync(b => b.Id == businessId, cancellationToken)
            ?? throw new DomainException("no-business", "That business does not exist.");
        add(db, business);
        await db.SaveChangesAsync(cancellationToken);
    }
}
