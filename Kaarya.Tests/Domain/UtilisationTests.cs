using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

public class UtilisationTests
{
    private static readonly DateOnly NextWorkshop = new(2013, 12, 7);

    private readonly LedgerBuilder _ledger = new();

    [Fact]
    public void A_report_lists_how_the_money_was_used_against_the_entry_it_accounts_for()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));

        var report = new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.Zero, NextWorkshop, Actors.Staff,
            [new UtilisationItem("50 chicks", Money.FromRupees(2_500)), new UtilisationItem("Bamboo coop", Money.FromRupees(4_000))]);

        Assert.Equal(payment.Sequence, report.LedgerSequence);
        Assert.Equal(payment.BusinessId, report.BusinessId);
        Assert.Equal(NextWorkshop, report.ReportedOn);
        Assert.Equal(Actors.Staff.UserId, report.RecordedBy);
        Assert.Equal(2, report.Items.Count);
        Assert.Equal(Money.FromRupees(6_500), report.Total);
    }

    [Fact]
    public void The_unexplained_balance_is_what_was_paid_less_what_was_reported()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));
        var report = new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.Zero, NextWorkshop, Actors.Staff,
            [new UtilisationItem("Sewing machine", Money.FromRupees(8_000)), new UtilisationItem("Cloth and thread", Money.FromPaise(450_050))]);

        var position = new UtilisationPosition(payment.Amount, report.Total);

        Assert.Equal(Money.FromPaise(249_950), position.Unexplained);
        Assert.Equal("₹2,499.50", position.Unexplained.ToString());
        Assert.False(position.IsOverReported);
    }

    [Fact]
    public void Money_fully_accounted_for_leaves_nothing_unexplained()
    {
        var position = new UtilisationPosition(Money.FromRupees(15_000), Money.FromRupees(15_000));

        Assert.Equal(Money.Zero, position.Unexplained);
        Assert.False(position.IsOverReported);
    }

    [Fact]
    public void Nothing_reported_leaves_the_whole_payment_unexplained()
    {
        var position = new UtilisationPosition(Money.FromRupees(15_000), Money.Zero);

        Assert.Equal(Money.FromRupees(15_000), position.Unexplained);
    }

    [Fact]
    public void Reports_from_several_workshops_add_up_against_one_payment()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));
        var first = new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.Zero, NextWorkshop, Actors.Staff,
            [new UtilisationItem("50 chicks", Money.FromRupees(8_000))]);

        var second = new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: first.Total, NextWorkshop.AddDays(90), Actors.Staff,
            [new UtilisationItem("Feed", Money.FromRupees(5_000))]);

        var position = new UtilisationPosition(payment.Amount, first.Total + second.Total);
        Assert.Equal(Money.FromRupees(2_000), position.Unexplained);
    }

    [Fact]
    public void Uses_adding_up_to_more_than_was_paid_are_refused()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.FromRupees(8_000), NextWorkshop, Actors.Staff,
            [new UtilisationItem("Feed", Money.FromRupees(7_001))]));

        Assert.Equal("over-reported", refusal.Code);
        Assert.Equal("The uses add up to ₹15,001, more than the ₹15,000 paid in entry #1.", refusal.Message);
    }

    [Fact]
    public void Over_reported_money_is_not_shown_as_a_negative_balance()
    {
        var position = new UtilisationPosition(Money.FromRupees(10_000), Money.FromRupees(12_000));

        Assert.True(position.IsOverReported);
        Assert.Equal(Money.Zero, position.Unexplained);
    }

    [Fact]
    public void Utilisation_is_reported_against_a_disbursement_not_a_reversal()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));
        var reversal = _ledger.Reverse(payment);

        var refusal = Assert.Throws<DomainException>(() => new UtilisationReport(
            reversal, disbursementReversed: false, alreadyReported: Money.Zero, NextWorkshop, Actors.Staff,
            [new UtilisationItem("Feed", Money.FromRupees(1_000))]));

        Assert.Equal("report-on-reversal", refusal.Code);
    }

    [Fact]
    public void A_reversed_disbursement_has_no_money_to_report_on()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));
        _ledger.Reverse(payment);

        var refusal = Assert.Throws<DomainException>(() => new UtilisationReport(
            payment, disbursementReversed: true, alreadyReported: Money.Zero, NextWorkshop, Actors.Staff,
            [new UtilisationItem("Feed", Money.FromRupees(1_000))]));

        Assert.Equal("report-on-reversed", refusal.Code);
        Assert.Equal("Entry #1 was reversed; there is no money to report on.", refusal.Message);
    }

    [Fact]
    public void Utilisation_cannot_be_reported_before_the_money_was_paid()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000), new DateOnly(2013, 9, 2));

        var refusal = Assert.Throws<DomainException>(() => new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.Zero, new DateOnly(2013, 9, 1), Actors.Staff,
            [new UtilisationItem("Feed", Money.FromRupees(1_000))]));

        Assert.Equal("report-before-payment", refusal.Code);
    }

    [Fact]
    public void A_report_lists_at_least_one_use()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.Zero, NextWorkshop, Actors.Staff, []));

        Assert.Equal("no-uses", refusal.Code);
    }

    [Fact]
    public void A_use_of_nothing_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new UtilisationItem("Feed", Money.Zero));

        Assert.Equal("use-not-positive", refusal.Code);
        Assert.Contains("\"Feed\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_use_says_what_the_money_was_used_for()
    {
        var refusal = Assert.Throws<DomainException>(() => new UtilisationItem(" ", Money.FromRupees(500)));

        Assert.Equal("required", refusal.Code);
        Assert.Equal("What the money was used for is required.", refusal.Message);
    }

    [Fact]
    public void A_mentor_does_not_record_utilisation()
    {
        var payment = _ledger.Disburse(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => new UtilisationReport(
            payment, disbursementReversed: false, alreadyReported: Money.Zero, NextWorkshop, Actors.Mentor,
            [new UtilisationItem("Feed", Money.FromRupees(1_000))]));

        Assert.Equal("not-staff", refusal.Code);
    }
}
