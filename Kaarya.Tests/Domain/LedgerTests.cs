using System.Security.Cryptography;
using System.Text;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Tests.Domain;

public class LedgerTests
{
    private readonly LedgerBuilder _ledger = new();

    [Fact]
    public void The_first_entry_is_number_1_and_follows_a_hash_of_zeros()
    {
        var first = _ledger.Disburse(Money.FromRupees(10_000));

        Assert.Equal(1L, first.Sequence);
        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal(LedgerEntry.GenesisHash, first.PreviousHash);
    }

    [Fact]
    public void Each_entry_is_numbered_on_and_names_the_hash_of_the_one_before()
    {
        var first = _ledger.Disburse(Money.FromRupees(10_000));
        var second = _ledger.Disburse(Money.FromRupees(5_000));
        var third = _ledger.Disburse(Money.FromRupees(2_500));

        Assert.Equal(2L, second.Sequence);
        Assert.Equal(3L, third.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second.Hash, third.PreviousHash);
        Assert.Equal(new LedgerHead(3, third.Hash), _ledger.Head);
    }

    [Fact]
    public void An_entry_keeps_everything_the_approval_said()
    {
        var entry = _ledger.Disburse(Money.FromRupees(12_500), new DateOnly(2013, 9, 5), "RCPT-0031");

        Assert.Equal(LedgerEntryKind.Disbursement, entry.Kind);
        Assert.Equal(Money.FromRupees(12_500), entry.Amount);
        Assert.Equal(new DateOnly(2013, 9, 5), entry.ValueDate);
        Assert.Equal(PaymentMethod.Cash, entry.Method);
        Assert.Equal("RCPT-0031", entry.Reference);
        Assert.Equal(_ledger.Given.Funder.Id, entry.FunderId);
        Assert.Equal(_ledger.Given.Phase.Id, entry.PhaseId);
        Assert.Equal(_ledger.Given.Business.Id, entry.BusinessId);
        Assert.Equal(_ledger.Decision.Id, entry.DecisionId);
        Assert.Equal(Actors.Staff.UserId, entry.RecordedBy);
        Assert.Equal(Actors.Manager.UserId, entry.ApprovedBy);
        Assert.Null(entry.ReversesSequence);
        Assert.Equal(string.Empty, entry.Reason);
    }

    [Fact]
    public void The_hash_is_SHA_256_of_the_canonical_form_in_64_lowercase_hex_digits()
    {
        var entry = _ledger.Disburse(Money.FromRupees(10_000));

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LedgerCanonicalForm.Of(entry))));

        Assert.Equal(expected, entry.Hash);
        Assert.Equal(LedgerEntry.HashLength, entry.Hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
        Assert.Equal(entry.Hash, entry.ComputeHash());
    }

    [Fact]
    public void The_canonical_form_starts_with_its_version_line()
    {
        var entry = _ledger.Disburse(Money.FromRupees(10_000));

        var canonical = LedgerCanonicalForm.Of(entry);

        Assert.Equal("kaarya-ledger-v1", LedgerCanonicalForm.Version);
        Assert.StartsWith("kaarya-ledger-v1\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void The_canonical_form_writes_each_field_on_its_own_line_in_a_fixed_order()
    {
        var entry = _ledger.Disburse(Money.FromRupees(12_500), new DateOnly(2013, 9, 2), "RCPT-0012");

        var lines = LedgerCanonicalForm.Of(entry).Split('\n');

        string[] expected =
            [
                "kaarya-ledger-v1",
                "sequence=1",
                "postedAt=2013-09-03T05:00:00.000Z",
                "valueDate=2013-09-02",
                "amountPaise=1250000",
                "method=Cash",
                "reference=RCPT-0012",
                $"funderId={entry.FunderId:D}",
                $"phaseId={entry.PhaseId:D}",
                $"businessId={entry.BusinessId:D}",
                $"decisionId={entry.DecisionId:D}",
                $"requestId={entry.RequestId!.Value:D}",
                "recordedBy=staff.rupa",
                "approvedBy=manager.sreya",
                "reversesSequence=",
                "reason=",
                $"previousHash={LedgerEntry.GenesisHash}",
                "",
            ];
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Posting_time_is_kept_in_UTC_to_the_millisecond()
    {
        var payment = _ledger.Disburse(Money.FromRupees(1_000));
        var posting = payment.ReversalPosting(Actors.Manager, "Wrong amount", payment.ValueDate, alreadyReversed: false, closedThrough: null);
        var postedAt = new DateTimeOffset(2013, 9, 3, 16, 45, 12, 345, Days.IndiaOffset).AddTicks(6_789);

        var entry = LedgerEntry.Append(_ledger.Head, posting, postedAt);

        Assert.Equal(new DateTimeOffset(2013, 9, 3, 11, 15, 12, 345, TimeSpan.Zero), entry.PostedAt);
        Assert.Equal(TimeSpan.Zero, entry.PostedAt.Offset);
        Assert.Contains("postedAt=2013-09-03T11:15:12.345Z\n", LedgerCanonicalForm.Of(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_a_reference_cannot_pass_for_another_field()
    {
        var entry = _ledger.Disburse(Money.FromRupees(10_000), reference: "RCPT-1\namountPaise=1");

        var canonical = LedgerCanonicalForm.Of(entry);

        Assert.Contains("reference=RCPT-1\\namountPaise=1\n", canonical, StringComparison.Ordinal);
        Assert.Contains("\namountPaise=1000000\n", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("\namountPaise=1\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reversal_takes_the_amount_back_and_names_the_entry_it_reverses()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000), new DateOnly(2013, 9, 2), "RCPT-0012");

        var reversal = _ledger.Append(payment.ReversalPosting(
            Actors.Manager, "Paid to the wrong survivor", new DateOnly(2013, 9, 4), alreadyReversed: false, closedThrough: null));

        Assert.Equal(LedgerEntryKind.Reversal, reversal.Kind);
        Assert.Equal(2L, reversal.Sequence);
        Assert.Equal(1L, reversal.ReversesSequence);
        Assert.Equal(Money.FromRupees(-10_000), reversal.Amount);
        Assert.Equal(new DateOnly(2013, 9, 4), reversal.ValueDate);
        Assert.Equal("Paid to the wrong survivor", reversal.Reason);
        Assert.Equal(payment.DecisionId, reversal.DecisionId);
        Assert.Equal(payment.FunderId, reversal.FunderId);
        Assert.Equal("RCPT-0012", reversal.Reference);
        Assert.Equal(Actors.Manager.UserId, reversal.ApprovedBy);
        Assert.Null(reversal.RequestId);
        Assert.Equal(Money.Zero, Money.Sum(_ledger.Entries.Select(e => e.Amount)));
    }

    [Fact]
    public void Reversing_twice_is_refused()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000));
        _ledger.Reverse(payment);

        var refusal = Assert.Throws<DomainException>(() => payment.ReversalPosting(
            Actors.Manager, "Reversing again", payment.ValueDate, alreadyReversed: true, closedThrough: null));

        Assert.Equal("already-reversed", refusal.Code);
        Assert.Equal("Entry #1 has already been reversed.", refusal.Message);
    }

    [Fact]
    public void A_reversal_cannot_itself_be_reversed()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000));
        var reversal = _ledger.Reverse(payment);

        var refusal = Assert.Throws<DomainException>(() => reversal.ReversalPosting(
            Actors.Manager, "Undo the undo", reversal.ValueDate, alreadyReversed: false, closedThrough: null));

        Assert.Equal("reverse-reversal", refusal.Code);
        Assert.Equal("Entry #2 is itself a reversal and cannot be reversed.", refusal.Message);
    }

    [Fact]
    public void Only_a_programme_manager_reverses_an_entry()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() => payment.ReversalPosting(
            Actors.Staff, "Wrong amount", payment.ValueDate, alreadyReversed: false, closedThrough: null));

        Assert.Equal("not-manager", refusal.Code);
        Assert.Equal("Only a programme manager can reverse a ledger entry.", refusal.Message);
    }

    [Fact]
    public void A_reversal_needs_a_reason()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000));

        var refusal = Assert.Throws<DomainException>(() => payment.ReversalPosting(
            Actors.Manager, "  ", payment.ValueDate, alreadyReversed: false, closedThrough: null));

        Assert.Equal("required", refusal.Code);
    }

    [Fact]
    public void A_reversal_cannot_be_dated_before_the_entry_it_reverses()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000), new DateOnly(2013, 9, 2));

        var refusal = Assert.Throws<DomainException>(() => payment.ReversalPosting(
            Actors.Manager, "Wrong amount", new DateOnly(2013, 9, 1), alreadyReversed: false, closedThrough: null));

        Assert.Equal("reversal-before-entry", refusal.Code);
    }

    [Fact]
    public void A_reversal_dated_inside_a_closed_period_is_refused()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000), new DateOnly(2013, 9, 2));

        var refusal = Assert.Throws<DomainException>(() => payment.ReversalPosting(
            Actors.Manager, "Wrong amount", new DateOnly(2013, 9, 30), alreadyReversed: false, closedThrough: new DateOnly(2013, 9, 30)));

        Assert.Equal("period-closed", refusal.Code);
    }

    [Fact]
    public void A_mistake_in_a_closed_period_is_corrected_by_a_reversal_in_an_open_one()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000), new DateOnly(2013, 9, 2));

        var posting = payment.ReversalPosting(
            Actors.Manager, "Wrong amount", new DateOnly(2013, 10, 1), alreadyReversed: false, closedThrough: new DateOnly(2013, 9, 30));

        Assert.Equal(new DateOnly(2013, 10, 1), posting.ValueDate);
        Assert.Equal(1L, posting.ReversesSequence);
    }

    [Theory]
    [InlineData(2013, 9, 30)]
    [InlineData(2013, 9, 2)]
    public void A_value_date_inside_a_closed_period_is_refused(int year, int month, int day)
    {
        var valueDate = new DateOnly(year, month, day);

        var refusal = Assert.Throws<DomainException>(() => AccountingPeriod.EnsureOpen(valueDate, closedThrough: new DateOnly(2013, 9, 30)));

        Assert.Equal("period-closed", refusal.Code);
        Assert.Contains("closed through 30-09-2013", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_date_after_the_closed_period_is_open()
    {
        var problem = Record.Exception(() => AccountingPeriod.EnsureOpen(new DateOnly(2013, 10, 1), closedThrough: new DateOnly(2013, 9, 30)));

        Assert.Null(problem);
    }

    [Fact]
    public void Every_value_date_is_open_before_any_period_is_closed()
    {
        var problem = Record.Exception(() => AccountingPeriod.EnsureOpen(new DateOnly(2011, 8, 1), closedThrough: null));

        Assert.Null(problem);
    }

    [Fact]
    public void A_programme_manager_closes_a_period_once_it_is_over()
    {
        var closedAt = new DateTimeOffset(2013, 10, 3, 12, 0, 0, Days.IndiaOffset);

        var period = AccountingPeriod.Close(new DateOnly(2013, 9, 30), previouslyClosedThrough: null, Actors.Manager, closedAt);

        Assert.Equal(new DateOnly(2013, 9, 30), period.ClosedThrough);
        Assert.Equal(Actors.Manager.UserId, period.ClosedBy);
        Assert.Equal(closedAt, period.ClosedAt);
    }

    [Fact]
    public void Field_staff_cannot_close_a_period()
    {
        var refusal = Assert.Throws<DomainException>(() => AccountingPeriod.Close(
            new DateOnly(2013, 9, 30), previouslyClosedThrough: null, Actors.Staff, new DateTimeOffset(2013, 10, 3, 12, 0, 0, Days.IndiaOffset)));

        Assert.Equal("not-manager", refusal.Code);
    }

    [Fact]
    public void A_period_that_is_not_over_cannot_be_closed()
    {
        var refusal = Assert.Throws<DomainException>(() => AccountingPeriod.Close(
            new DateOnly(2013, 9, 30), previouslyClosedThrough: null, Actors.Manager, new DateTimeOffset(2013, 9, 30, 15, 0, 0, Days.IndiaOffset)));

        Assert.Equal("period-not-over", refusal.Code);
    }

    [Theory]
    [InlineData(2013, 9, 30)]
    [InlineData(2013, 8, 31)]
    public void The_books_cannot_be_closed_again_through_the_same_or_an_earlier_day(int year, int month, int day)
    {
        var refusal = Assert.Throws<DomainException>(() => AccountingPeriod.Close(
            new DateOnly(year, month, day), previouslyClosedThrough: new DateOnly(2013, 9, 30), Actors.Manager, new DateTimeOffset(2013, 11, 2, 12, 0, 0, Days.IndiaOffset)));

        Assert.Equal("period-already-closed", refusal.Code);
        Assert.Contains("30-09-2013", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_ledger_verifies()
    {
        var verification = LedgerChainVerifier.Verify([]);

        Assert.True(verification.IsIntact);
        Assert.Equal(0L, verification.EntriesChecked);
        Assert.Equal(LedgerEntry.GenesisHash, verification.HeadHash);
        Assert.Null(verification.FirstBadSequence);
    }

    [Fact]
    public void An_untouched_ledger_verifies_to_its_last_hash()
    {
        var payment = _ledger.Disburse(Money.FromRupees(10_000));
        _ledger.Disburse(Money.FromRupees(5_000));
        _ledger.Reverse(payment);
        var last = _ledger.Disburse(Money.FromRupees(10_000));

        var verification = LedgerChainVerifier.Verify(_ledger.Entries);

        Assert.True(verification.IsIntact);
        Assert.Equal(4L, verification.EntriesChecked);
        Assert.Equal(last.Hash, verification.HeadHash);
        Assert.Null(verification.FirstBadSequence);
        Assert.Null(verification.Problem);
    }

    [Fact]
    public void An_altered_amount_is_found_at_its_sequence_number()
    {
        _ledger.Disburse(Money.FromRupees(10_000));
        var second = _ledger.Disburse(Money.FromRupees(5_000));
        _ledger.Disburse(Money.FromRupees(2_500));

        Tampering.AlterAmount(second, Money.FromRupees(50_000));
        var verification = LedgerChainVerifier.Verify(_ledger.Entries);

        Assert.False(verification.IsIntact);
        Assert.Equal(2L, verification.FirstBadSequence);
        Assert.Equal(1L, verification.EntriesChecked);
        Assert.Equal("Entry #2 has been altered: its content no longer matches its hash.", verification.Problem);
    }

    [Fact]
    public void The_verifier_names_the_first_bad_entry_when_several_were_altered()
    {
        _ledger.Disburse(Money.FromRupees(10_000));
        _ledger.Disburse(Money.FromRupees(5_000));
        var third = _ledger.Disburse(Money.FromRupees(2_500));
        var fourth = _ledger.Disburse(Money.FromRupees(2_500));

        Tampering.AlterAmount(fourth, Money.FromRupees(1));
        Tampering.AlterAmount(third, Money.FromRupees(1));
        var verification = LedgerChainVerifier.Verify(_ledger.Entries);

        Assert.Equal(3L, verification.FirstBadSequence);
    }

    [Fact]
    public void A_missing_entry_is_found_as_a_gap()
    {
        _ledger.Disburse(Money.FromRupees(10_000));
        _ledger.Disburse(Money.FromRupees(5_000));
        _ledger.Disburse(Money.FromRupees(2_500));
        _ledger.Disburse(Money.FromRupees(2_500));

        var withoutThird = _ledger.Entries.Where(e => e.Sequence != 3);
        var verification = LedgerChainVerifier.Verify(withoutThird);

        Assert.False(verification.IsIntact);
        Assert.Equal(3L, verification.FirstBadSequence);
        Assert.Equal(2L, verification.EntriesChecked);
        Assert.Equal("Entry #3 is missing: the ledger jumps from #2 to #4.", verification.Problem);
    }

    [Fact]
    public void A_ledger_whose_first_entry_is_missing_does_not_verify()
    {
        _ledger.Disburse(Money.FromRupees(10_000));
        _ledger.Disburse(Money.FromRupees(5_000));

        var verification = LedgerChainVerifier.Verify(_ledger.Entries.Skip(1));

        Assert.False(verification.IsIntact);
        Assert.Equal(1L, verification.FirstBadSequence);
    }

    [Fact]
    public void A_replaced_entry_breaks_the_link_to_the_one_after_it()
    {
        var first = _ledger.Disburse(Money.FromRupees(10_000));
        var second = _ledger.Disburse(Money.FromRupees(5_000));
        var third = _ledger.Disburse(Money.FromRupees(2_500));
        var forgedPosting = new LedgerPosting(
            second.BusinessId, second.PhaseId, second.DecisionId, second.RequestId, second.FunderId,
            Money.FromRupees(500), second.ValueDate, second.Method, second.Reference,
            second.RecordedBy, second.ApprovedBy, ReversesSequence: null, Reason: string.Empty);
        var forgedSecond = LedgerEntry.Append(first.AsHead(), forgedPosting, second.PostedAt);

        var verification = LedgerChainVerifier.Verify([first, forgedSecond, third]);

        Assert.Equal(3L, verification.FirstBadSequence);
        Assert.Equal("Entry #3 does not follow on from entry #2: its previous hash differs.", verification.Problem);
    }

    [Fact]
    public void An_entry_that_appears_twice_is_found()
    {
        var first = _ledger.Disburse(Money.FromRupees(10_000));
        var second = _ledger.Disburse(Money.FromRupees(5_000));

        var verification = LedgerChainVerifier.Verify([first, second, second]);

        Assert.False(verification.IsIntact);
        Assert.Equal(3L, verification.FirstBadSequence);
        Assert.Equal("Entry #2 appears again after #2.", verification.Problem);
    }

    [Fact]
    public void Entry_by_entry_the_verifier_stops_accepting_once_the_chain_is_broken()
    {
        var first = _ledger.Disburse(Money.FromRupees(10_000));
        var second = _ledger.Disburse(Money.FromRupees(5_000));
        var third = _ledger.Disburse(Money.FromRupees(2_500));
        Tampering.AlterAmount(second, Money.FromRupees(1));
        var verifier = new LedgerChainVerifier();

        Assert.True(verifier.Accept(first));
        Assert.False(verifier.Accept(second));
        Assert.False(verifier.Accept(third));
        Assert.True(verifier.HasFailed);
        Assert.Equal(2L, verifier.Result().FirstBadSequence);
        Assert.Equal(first.Hash, verifier.Result().HeadHash);
    }
}
