using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;

namespace Kaarya.Tests.Domain;

/// <summary>Disbursement request -> approval by a different programme manager -> ledger posting.</summary>
public class FourEyesApprovalTests
{
    private readonly SeedFundCase _given = new();

    [Fact]
    public void Staff_record_a_request_that_waits_for_a_managers_approval()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var request = _given.Request(decision, Money.FromRupees(10_000));

        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Equal(Money.FromRupees(10_000), request.Amount);
        Assert.Equal(decision.Id, request.DecisionId);
        Assert.Equal(_given.Business.Id, request.BusinessId);
        Assert.Equal(_given.Phase.Id, request.PhaseId);
        Assert.Equal(_given.Funder.Id, request.FunderId);
        Assert.Equal(Days.Paid, request.ValueDate);
        Assert.Equal(Actors.Staff.UserId, request.RecordedBy);
        Assert.Equal(Days.Recorded, request.RecordedAt);
        Assert.Null(request.DecidedBy);
        Assert.Null(request.LedgerSequence);
    }

    [Fact]
    public void A_manager_other_than_the_recorder_approves_and_the_posting_names_both()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000), method: PaymentMethod.Cheque, reference: "CHQ 004512");

        var posting = request.Approve(Actors.Manager, decision, _given.NothingPaidYet(), Days.Approved);

        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal(Actors.Manager.UserId, request.DecidedBy);
        Assert.Equal(Days.Approved, request.DecidedAt);
        Assert.Equal(Actors.Staff.UserId, posting.RecordedBy);
        Assert.Equal(Actors.Manager.UserId, posting.ApprovedBy);
        Assert.Equal(request.Id, posting.RequestId);
        Assert.Equal(decision.Id, posting.DecisionId);
        Assert.Equal(_given.Funder.Id, posting.FunderId);
        Assert.Equal(Money.FromRupees(10_000), posting.Amount);
        Assert.Equal(Days.Paid, posting.ValueDate);
        Assert.Equal(PaymentMethod.Cheque, posting.Method);
        Assert.Equal("CHQ 004512", posting.Reference);
        Assert.Null(posting.ReversesSequence);
    }

    [Fact]
    public void Approving_own_disbursement_request_is_refused()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000), recordedBy: Actors.Manager);

        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.Manager, decision, _given.NothingPaidYet(), Days.Approved));

        Assert.Equal("four-eyes", refusal.Code);
        Assert.Equal("You recorded this request, so another programme manager must approve it.", refusal.Message);
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Null(request.DecidedBy);
    }

    [Fact]
    public void Another_manager_approves_a_request_a_manager_recorded()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000), recordedBy: Actors.Manager);

        var posting = request.Approve(Actors.OtherManager, decision, _given.NothingPaidYet(), Days.Approved);

        Assert.Equal(Actors.Manager.UserId, posting.RecordedBy);
        Assert.Equal(Actors.OtherManager.UserId, posting.ApprovedBy);
    }

    [Fact]
    public void Field_staff_cannot_approve_a_disbursement()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000), recordedBy: Actors.OtherStaff);

        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.Staff, decision, _given.NothingPaidYet(), Days.Approved));

        Assert.Equal("not-manager", refusal.Code);
        Assert.Equal("Only a programme manager can approve a disbursement.", refusal.Message);
    }

    [Fact]
    public void A_mentor_cannot_record_a_disbursement()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => _given.Request(decision, Money.FromRupees(10_000), recordedBy: Actors.Mentor));

        Assert.Equal("not-staff", refusal.Code);
    }

    [Fact]
    public void A_tranche_beyond_the_decision_is_refused_when_it_is_recorded()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() => _given.Request(decision, Money.FromRupees(12_000)));

        Assert.Equal("tranche-over-decision", refusal.Code);
        Assert.Equal("₹12,000 is more than the ₹10,000 decided for this business.", refusal.Message);
    }

    [Fact]
    public void A_tranche_that_would_take_the_total_beyond_the_decision_is_refused_at_approval()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var secondTranche = _given.Request(decision, Money.FromRupees(6_000));
        var afterFirstTranche = _given.NothingPaidYet() with { NetPostedAgainstDecision = Money.FromRupees(10_000) };

        var refusal = Assert.Throws<DomainException>(() =>
            secondTranche.Approve(Actors.Manager, decision, afterFirstTranche, Days.Approved));

        Assert.Equal("tranche-over-decision", refusal.Code);
        Assert.Equal("This tranche would bring the total paid to ₹16,000, more than the ₹15,000 decided.", refusal.Message);
        Assert.Equal(RequestStatus.Pending, secondTranche.Status);
    }

    [Fact]
    public void Tranches_may_add_up_to_exactly_the_decided_amount()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var secondTranche = _given.Request(decision, Money.FromRupees(5_000));
        var afterFirstTranche = _given.NothingPaidYet() with
        {
            NetPostedAgainstDecision = Money.FromRupees(10_000),
            FunderNetPostedInPhase = Money.FromRupees(10_000),
        };

        var posting = secondTranche.Approve(Actors.Manager, decision, afterFirstTranche, Days.Approved);

        Assert.Equal(Money.FromRupees(5_000), posting.Amount);
    }

    [Fact]
    public void A_reversed_tranche_no_longer_counts_against_the_decision()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var replacement = _given.Request(decision, Money.FromRupees(15_000));
        var afterPaymentAndReversal = _given.NothingPaidYet() with
        {
            NetPostedAgainstDecision = Money.FromRupees(15_000) - Money.FromRupees(15_000),
        };

        var posting = replacement.Approve(Actors.Manager, decision, afterPaymentAndReversal, Days.Approved);

        Assert.Equal(Money.FromRupees(15_000), posting.Amount);
    }

    [Fact]
    public void A_budget_overrun_is_refused()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));
        var budgetAlmostSpent = _given.NothingPaidYet() with
        {
            FunderBudget = Money.FromRupees(1_00_000),
            FunderNetPostedInPhase = Money.FromRupees(95_000),
        };

        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.Manager, decision, budgetAlmostSpent, Days.Approved));

        Assert.Equal("budget-overrun", refusal.Code);
        Assert.Equal("₹10,000 is more than the funder's remaining budget of ₹5,000 for this phase.", refusal.Message);
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Fact]
    public void The_last_rupee_of_a_budget_can_be_paid_out()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(5_000));
        var budgetAlmostSpent = _given.NothingPaidYet() with
        {
            FunderBudget = Money.FromRupees(1_00_000),
            FunderNetPostedInPhase = Money.FromRupees(95_000),
        };

        var posting = request.Approve(Actors.Manager, decision, budgetAlmostSpent, Days.Approved);

        Assert.Equal(Money.FromRupees(5_000), posting.Amount);
        Assert.Equal(Money.FromRupees(5_000), budgetAlmostSpent.FunderRemaining);
    }

    [Fact]
    public void A_funders_remaining_budget_is_the_budget_less_what_was_paid_net_of_reversals()
    {
        var budget = new FunderBudget(_given.Funder, _given.Phase, Money.FromRupees(1_50_000));
        var netDisbursed = Money.FromRupees(20_000) + Money.FromRupees(15_000) - Money.FromRupees(15_000);

        Assert.Equal(Money.FromRupees(1_30_000), budget.Remaining(netDisbursed));
        Assert.Equal(_given.Funder.Id, budget.FunderId);
        Assert.Equal(_given.Phase.Id, budget.PhaseId);
    }

    [Fact]
    public void A_budget_of_nothing_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => new FunderBudget(_given.Funder, _given.Phase, Money.Zero));

        Assert.Equal("budget-not-positive", refusal.Code);
    }

    [Fact]
    public void A_value_date_inside_a_closed_period_is_refused_at_approval()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000), valueDate: new DateOnly(2013, 9, 2));
        var booksClosed = _given.NothingPaidYet() with { ClosedThrough = new DateOnly(2013, 9, 30) };

        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.Manager, decision, booksClosed, Days.Approved));

        Assert.Equal("period-closed", refusal.Code);
        Assert.Contains("02-09-2013", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("closed through 30-09-2013", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Fact]
    public void A_value_date_after_the_closed_period_is_approved()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000), valueDate: new DateOnly(2013, 9, 2));
        var booksClosed = _given.NothingPaidYet() with { ClosedThrough = new DateOnly(2013, 9, 1) };

        var posting = request.Approve(Actors.Manager, decision, booksClosed, Days.Approved);

        Assert.Equal(new DateOnly(2013, 9, 2), posting.ValueDate);
    }

    [Fact]
    public void A_request_is_approved_only_once()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));
        request.Approve(Actors.Manager, decision, _given.NothingPaidYet(), Days.Approved);

        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.OtherManager, decision, _given.NothingPaidYet(), Days.Approved));

        Assert.Equal("not-pending", refusal.Code);
        Assert.Equal("This request was already approved.", refusal.Message);
    }

    [Fact]
    public void A_rejected_request_keeps_its_reason_and_can_no_longer_be_approved()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));

        request.Reject(Actors.Manager, "The receipt is not signed.", Days.Approved);
        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.Manager, decision, _given.NothingPaidYet(), Days.Approved));

        Assert.Equal(RequestStatus.Rejected, request.Status);
        Assert.Equal("The receipt is not signed.", request.RejectionReason);
        Assert.Equal(Actors.Manager.UserId, request.DecidedBy);
        Assert.Equal("not-pending", refusal.Code);
    }

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() => request.Reject(Actors.Manager, " ", Days.Approved));

        Assert.Equal("required", refusal.Code);
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Fact]
    public void Field_staff_cannot_reject_a_disbursement()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() => request.Reject(Actors.OtherStaff, "Not needed", Days.Approved));

        Assert.Equal("not-manager", refusal.Code);
    }

    [Fact]
    public void Approving_against_another_decision_is_refused()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var anotherDecision = _given.ImmediateDecision(Money.FromRupees(20_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() =>
            request.Approve(Actors.Manager, anotherDecision, _given.NothingPaidYet(), Days.Approved));

        Assert.Equal("wrong-decision", refusal.Code);
    }

    [Fact]
    public void No_money_is_requested_against_a_delayed_decision()
    {
        var decision = _given.DelayedDecision();

        var refusal = Assert.Throws<DomainException>(() => _given.Request(decision, Money.FromRupees(10_000)));

        Assert.Equal("decision-not-immediate", refusal.Code);
        Assert.Contains("delayed until the discussion with her family", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_money_is_requested_against_a_decision_not_to_disburse()
    {
        var decision = _given.NoDisbursementDecision();

        var refusal = Assert.Throws<DomainException>(() => _given.Request(decision, Money.FromRupees(10_000)));

        Assert.Equal("decision-not-immediate", refusal.Code);
        Assert.Contains("not to disburse", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tranche_of_nothing_is_refused()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => _given.Request(decision, Money.Zero));

        Assert.Equal("amount-not-positive", refusal.Code);
    }

    [Fact]
    public void A_cheque_needs_its_number()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() =>
            _given.Request(decision, Money.FromRupees(10_000), method: PaymentMethod.Cheque, reference: ""));

        Assert.Equal("no-reference", refusal.Code);
        Assert.Equal("A cheque payment needs the cheque number.", refusal.Message);
    }

    [Fact]
    public void A_bank_transfer_needs_the_banks_reference()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() =>
            _given.Request(decision, Money.FromRupees(10_000), method: PaymentMethod.BankTransfer, reference: " "));

        Assert.Equal("no-reference", refusal.Code);
        Assert.Equal("A bank transfer needs the bank's transaction reference.", refusal.Message);
    }

    [Fact]
    public void Cash_may_be_paid_without_a_reference()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var request = _given.Request(decision, Money.FromRupees(10_000), method: PaymentMethod.Cash, reference: "");

        Assert.Equal(string.Empty, request.Reference);
    }

    [Fact]
    public void A_request_without_a_submission_key_is_refused()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));

        var refusal = Assert.Throws<DomainException>(() => DisbursementRequest.Record(
            decision, _given.Phase, _given.Funder, Money.FromRupees(10_000), Days.Paid, PaymentMethod.Cash, "",
            Actors.Staff, Days.Recorded, Guid.Empty));

        Assert.Equal("no-idempotency-key", refusal.Code);
    }

    [Fact]
    public void An_approved_request_is_linked_to_the_ledger_entry_it_posted()
    {
        var decision = _given.ImmediateDecision(Money.FromRupees(15_000));
        var request = _given.Request(decision, Money.FromRupees(10_000));
        var posting = request.Approve(Actors.Manager, decision, _given.NothingPaidYet(), Days.Approved);

        var entry = LedgerEntry.Append(LedgerHead.Genesis, posting, Days.Approved);
        request.MarkPosted(entry);

        Assert.Equal(1L, request.LedgerSequence);
        Assert.Equal(request.Id, entry.RequestId);
        Assert.Equal(Actors.Staff.UserId, entry.RecordedBy);
        Assert.Equal(Actors.Manager.UserId, entry.ApprovedBy);
    }

    [Fact]
    public void A_pending_request_cannot_be_marked_as_posted()
    {
        var ledger = new LedgerBuilder(_given);
        var entry = ledger.Disburse(Money.FromRupees(10_000));
        var request = _given.Request(ledger.Decision, Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() => request.MarkPosted(entry));

        Assert.Equal("not-posted", refusal.Code);
        Assert.Null(request.LedgerSequence);
    }
}
