using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;

namespace Kaarya.Tests.Domain;

public class BusinessTests
{
    private readonly Business _business = new BusinessBuilder().StartedOn(new DateOnly(2012, 1, 15)).Build();

    [Fact]
    public void A_new_business_is_running_from_the_day_it_started()
    {
        Assert.Equal(BusinessStatus.Running, _business.Status);
        Assert.Equal(new DateOnly(2012, 1, 15), _business.StatusChangedOn);
        Assert.Null(_business.StatusReason);
    }

    [Fact]
    public void A_business_belongs_to_its_owner()
    {
        var owner = new ParticipantBuilder().WithCode("KAA-03").Build();

        var business = new BusinessBuilder().OwnedBy(owner).Named("Asma's grocery", BusinessType.Shop).Build();

        Assert.Equal(owner.Id, business.ParticipantId);
        Assert.Equal("Asma's grocery", business.Name);
        Assert.Equal(BusinessType.Shop, business.Type);
    }

    [Fact]
    public void A_running_business_is_paused_with_a_cause_and_a_note_and_resumes()
    {
        _business.Pause(new DateOnly(2012, 7, 1), Causes.Market(), "Monsoon: the market is flooded");

        Assert.Equal(BusinessStatus.Paused, _business.Status);
        Assert.Equal("Market", _business.StatusCause);
        Assert.Equal("Monsoon: the market is flooded", _business.StatusReason);

        _business.Resume(new DateOnly(2012, 9, 1));

        Assert.Equal(BusinessStatus.Running, _business.Status);
        Assert.Equal(new DateOnly(2012, 9, 1), _business.StatusChangedOn);
        Assert.Null(_business.StatusCause);
        Assert.Null(_business.StatusReason);
    }

    [Fact]
    public void Pausing_for_a_cause_that_needs_a_note_needs_one()
    {
        var refusal = Assert.Throws<DomainException>(() => _business.Pause(new DateOnly(2012, 7, 1), Causes.Other(), ""));

        Assert.Equal("status-note-needed", refusal.Code);
        Assert.Equal("\"Other\" needs a note saying what happened.", refusal.Message);
        Assert.Equal(BusinessStatus.Running, _business.Status);
    }

    [Fact]
    public void Only_a_paused_business_resumes()
    {
        var refusal = Assert.Throws<DomainException>(() => _business.Resume(new DateOnly(2012, 7, 1)));

        Assert.Equal("not-paused", refusal.Code);
    }

    [Fact]
    public void A_closed_business_keeps_why_and_when_it_closed()
    {
        _business.Close(new DateOnly(2012, 6, 30), Causes.Family(), "Her husband sold the sewing machine");

        Assert.Equal(BusinessStatus.Closed, _business.Status);
        Assert.Equal(new DateOnly(2012, 6, 30), _business.StatusChangedOn);
        Assert.Equal("Family", _business.StatusCause);
        Assert.Equal("Her husband sold the sewing machine", _business.StatusReason);
    }

    [Fact]
    public void A_business_with_a_request_for_its_money_waiting_is_not_closed()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            _business.Close(new DateOnly(2012, 6, 30), Causes.Family(), "She moved to her husband's village", requestWaiting: true));

        Assert.Equal("close-request-waiting", refusal.Code);
        Assert.Equal(BusinessStatus.Running, _business.Status);
    }

    [Fact]
    public void A_closed_business_takes_no_new_request_for_money()
    {
        _business.Close(new DateOnly(2012, 6, 30), Causes.Family());

        var refusal = Assert.Throws<DomainException>(_business.MustTakeMoney);

        Assert.Equal("business-closed", refusal.Code);
        Assert.Equal("request", refusal.Variant);
    }

    [Fact]
    public void Closing_for_a_cause_that_needs_a_note_needs_one()
    {
        var refusal = Assert.Throws<DomainException>(() => _business.Close(new DateOnly(2012, 6, 30), Causes.Other(), " "));

        Assert.Equal("status-note-needed", refusal.Code);
        Assert.Equal(BusinessStatus.Running, _business.Status);
    }

    [Fact]
    public void A_closed_business_is_not_closed_again()
    {
        _business.Close(new DateOnly(2012, 6, 30), Causes.Family(), "Stock consumed by the family");

        var refusal = Assert.Throws<DomainException>(() => _business.Close(new DateOnly(2012, 8, 1), Causes.Family(), "Again"));

        Assert.Equal("already-closed", refusal.Code);
        Assert.Equal(new DateOnly(2012, 6, 30), _business.StatusChangedOn);
    }

    [Fact]
    public void A_closed_business_cannot_be_paused()
    {
        _business.Close(new DateOnly(2012, 6, 30), Causes.Family(), "Stock consumed by the family");

        var refusal = Assert.Throws<DomainException>(() => _business.Pause(new DateOnly(2012, 8, 1), Causes.Market(), "Rains"));

        Assert.Equal("not-running", refusal.Code);
        Assert.Contains("closed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_of_status_cannot_be_dated_before_the_last_one()
    {
        _business.Pause(new DateOnly(2012, 7, 1), Causes.Market(), "Monsoon");

        var refusal = Assert.Throws<DomainException>(() => _business.Resume(new DateOnly(2012, 6, 1)));

        Assert.Equal("status-date", refusal.Code);
        Assert.Contains("01-07-2012", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(BusinessStatus.Paused, _business.Status);
    }

    [Fact]
    public void The_cash_book_totals_sales_less_expenses()
    {
        CashBookEntry[] entries =
        [
            new(_business, new DateOnly(2013, 9, 2), CashBookEntryKind.Sale, Money.FromRupees(1_200), "12 eggs trays"),
            new(_business, new DateOnly(2013, 9, 3), CashBookEntryKind.Expense, Money.FromPaise(45_050), "Feed"),
            new(_business, new DateOnly(2013, 9, 9), CashBookEntryKind.Sale, Money.FromRupees(800), "4 birds"),
        ];

        var (sales, expenses, net) = CashBookEntry.Totals(entries);

        Assert.Equal(Money.FromRupees(2_000), sales);
        Assert.Equal(Money.FromPaise(45_050), expenses);
        Assert.Equal(Money.FromPaise(154_950), net);
        Assert.Equal(Money.FromPaise(-45_050), entries[1].SignedAmount);
    }

    [Fact]
    public void A_cash_book_line_of_nothing_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            new CashBookEntry(_business, new DateOnly(2013, 9, 2), CashBookEntryKind.Sale, Money.Zero, ""));

        Assert.Equal("cashbook-amount", refusal.Code);
    }

    [Fact]
    public void Net_worth_is_assets_less_liabilities_and_loans()
    {
        var snapshot = new FinancialSnapshot(
            _business, new DateOnly(2013, 9, 15), assets: Money.FromRupees(18_000), liabilities: Money.FromRupees(2_000),
            loansOutstanding: Money.FromRupees(5_000), insured: false, insuranceNote: "");

        Assert.Equal(Money.FromRupees(11_000), snapshot.NetWorth);
    }

    [Fact]
    public void A_snapshot_with_a_negative_figure_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new FinancialSnapshot(
            _business, new DateOnly(2013, 9, 15), Money.FromRupees(18_000), Money.FromRupees(-1), Money.Zero, insured: false, ""));

        Assert.Equal("snapshot-negative", refusal.Code);
    }

    [Fact]
    public void Staff_record_sun_and_cloud_events_beside_the_business()
    {
        var sun = new TimelineEvent(
            _business, TimelineEventKind.Sun, TimelineCategory.FamilyAcceptance, new DateOnly(2013, 10, 12),
            "Her mother-in-law came to the market with her", Actors.Staff);

        Assert.Equal(_business.Id, sun.BusinessId);
        Assert.Equal(TimelineEventKind.Sun, sun.Kind);
        Assert.Equal("Her mother-in-law came to the market with her", sun.Text);
    }

    [Fact]
    public void A_mentor_cannot_record_a_timeline_event()
    {
        var refusal = Assert.Throws<DomainException>(() => new TimelineEvent(
            _business, TimelineEventKind.Cloud, TimelineCategory.Threats, new DateOnly(2013, 10, 12), "Threat by a neighbour", Actors.Mentor));

        Assert.Equal("not-staff", refusal.Code);
    }

    [Fact]
    public void A_timeline_event_says_what_happened()
    {
        var refusal = Assert.Throws<DomainException>(() => new TimelineEvent(
            _business, TimelineEventKind.Cloud, TimelineCategory.Illness, new DateOnly(2013, 10, 12), "", Actors.Staff));

        Assert.Equal("required", refusal.Code);
    }
}
