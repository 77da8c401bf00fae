using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;

namespace Kaarya.Domain.Funding;

public enum PaymentMethod
{
    Cash = 1,
    BankTransfer = 2,
    Cheque = 3,
}

public enum RequestStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// What the ledger already holds for a decision and a funder when a request is approved: the
/// figures the tranche, budget and closed-period rules are checked against.
/// </summary>
public sealed record FundingPosition(
    Money NetPostedAgainstDecision,
    Money FunderBudget,
    Money FunderNetPostedInPhase,
    DateOnly? ClosedThrough)
{
    public Money FunderRemaining => FunderBudget - FunderNetPostedInPhase;
}

/// <summary>
/// A tranche of seed money recorded by staff against an immediate decision. It reaches the
/// ledger only when a programme manager other than the recorder approves it (four-eyes).
/// </summary>
public sealed class DisbursementRequest : AuditableEntity
{
    private DisbursementRequest()
    {
        Reference = string.Empty;
        RecordedBy = string.Empty;
    }

    private DisbursementRequest(DisbursementDecision decision, Funder funder, Money amount, DateOnly valueDate, PaymentMethod method, string reference, Actor recordedBy, DateTimeOffset recordedAt, Guid idempotencyKey)
    {
        DecisionId = decision.Id;
        BusinessId = decision.BusinessId;
        PhaseId = decision.PhaseId;
        FunderId = funder.Id;
        Amount = amount;
        ValueDate = valueDate;
        Method = method;
        Reference = reference;
        RecordedBy = recordedBy.UserId;
        RecordedAt = recordedAt;
        IdempotencyKey = idempotencyKey;
        Status = RequestStatus.Pending;
    }

    public Guid DecisionId { get; private set; }

    public Guid BusinessId { get; private set; }

    public Guid PhaseId { get; private set; }

    public Guid FunderId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>The day the money changes hands.</summary>
    public DateOnly ValueDate { get; private set; }

    public PaymentMethod Method { get; private set; }

    /// <summary>Cheque number, bank transaction id or cash receipt number.</summary>
    public string Reference { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>One key per submitted form, so that a double click records one request.</summary>
    public Guid IdempotencyKey { get; private set; }

    public RequestStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>The ledger entry the approval posted.</summary>
    public long? LedgerSequence { get; private set; }

    /// <summary>
    /// Records a tranche against an immediate decision of <paramref name="phase"/>. The money is paid
    /// on a day of that phase, never after the day it is recorded (India time).
    /// </summary>
    public static DisbursementRequest Record(
        DisbursementDecision decision, Phase phase, Funder funder, Money amount, DateOnly valueDate,
        PaymentMethod method, string reference, Actor recordedBy, DateTimeOffset recordedAt, Guid idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(funder);
        ArgumentNullException.ThrowIfNull(recordedBy);
        recordedBy.MustKeepRecords();
        Rule.Require(phase.Id == decision.PhaseId, "wrong-phase", "This decision belongs to another phase.");
        phase.MustBeOpen();
        decision.MustBeCurrent();
        Rule.Require(decision.AllowsDisbursement || decision.Kind != DecisionKind.Delayed, "decision-not-immediate", "delayed",
            "This decision is delayed until the discussion with her family; record a new decision before paying out.");
        Rule.Require(decision.AllowsDisbursement, "decision-not-immediate", "no-disbursement",
            "This decision was not to disburse; no money can be paid against it.");
        Rule.Require(amount.IsPositive, "amount-not-positive", "A disbursement must be more than ₹0.");
        Rule.Require(amount <= decision.Amount, "tranche-over-decision",
            $"{amount.ToShortString()} is more than the {decision.Amount.ToShortString()} decided for this business.");
        Rule.Require(valueDate >= decision.DecidedOn, "paid-before-decision",
            $"The money cannot be paid on {DateFormats.Show(valueDate)}, before the decision of {DateFormats.Show(decision.DecidedOn)}.");
        var today = ProgrammeCalendar.Today(recordedAt);
        Rule.Require(valueDate <= today, "value-date-future",
            $"The money cannot be paid on {DateFormats.Show(valueDate)}: that is after today, {DateFormats.Show(today)}.");
        Rule.Require(phase.Includes(valueDate), "value-date-outside-phase",
            $"{DateFormats.Show(valueDate)} is outside {phase.Name} ({DateFormats.Show(phase.StartsOn)} to {DateFormats.Show(phase.EndsOn)}), the phase of this decision.");
        Rule.Require(Enum.IsDefined(method), "method-unknown", "Choose cash, bank transfer or cheque.");
        var cleanReference = Rule.OptionalText(reference, "The reference", TextLimits.Reference);
        Rule.Require(method != PaymentMethod.Cheque || cleanReference.Length > 0, "no-reference", "cheque", "A cheque payment needs the cheque number.");
        Rule.Require(method == PaymentMethod.Cash || cleanReference.Length > 0, "no-reference", "bank-transfer", "A bank transfer needs the bank's transaction reference.");
        Rule.Require(idempotencyKey != Guid.Empty, "no-idempotency-key", "The request has no submission key.");
        return new DisbursementRequest(decision, funder, amount, valueDate, method, cleanReference, recordedBy, recordedAt, idempotencyKey);
    }

    /// <summary>
    /// Approves the request and returns the posting for the ledger. Refused when the approver
    /// recorded it, is not a programme manager, or when the tranche would pass the decided amount,
    /// the funder's remaining budget, or fall in a closed period.
    /// </summary>
    public LedgerPosting Approve(Actor approver, DisbursementDecision decision, FundingPosition position, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(position);
        approver.MustBeProgrammeManager("approve a disbursement");
        MustBePending();
        Rule.Require(decision.Id == DecisionId, "wrong-decision", "This request belongs to another decision.");
        decision.MustBeCurrent();
        Rule.Require(!string.Equals(approver.UserId, RecordedBy, StringComparison.Ordinal), "four-eyes",
            "You recorded this request, so another programme manager must approve it.");

        var afterThis = position.NetPostedAgainstDecision + Amount;
        Rule.Require(afterThis <= decision.Amount, "tranche-over-decision", "total",
            $"This tranche would bring the total paid to {afterThis.ToShortString()}, more than the {decision.Amount.ToShortString()} decided.");
        Rule.Require(Amount <= position.FunderRemaining, "budget-overrun",
            $"{Amount.ToShortString()} is more than the funder's remaining budget of {position.FunderRemaining.ToShortString()} for this phase.");
        AccountingPeriod.EnsureOpen(ValueDate, position.ClosedThrough);

        Status = RequestStatus.Approved;
        DecidedBy = approver.UserId;
        DecidedAt = at;
        return new LedgerPosting(
            BusinessId, PhaseId, DecisionId, Id, FunderId, Amount, ValueDate, Method, Reference,
            RecordedBy, approver.UserId, ReversesSequence: null, Reason: string.Empty);
    }

    public void Reject(Actor approver, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(approver);
        approver.MustBeProgrammeManager("reject a disbursement");
        MustBePending();
        RejectionReason = Rule.RequiredText(reason, "The reason for rejecting", TextLimits.Passage);
        Status = RequestStatus.Rejected;
        DecidedBy = approver.UserId;
        DecidedAt = at;
    }

    /// <summary>Links the request to the ledger entry its approval posted.</summary>
    public void MarkPosted(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Rule.Require(Status == RequestStatus.Approved && entry.RequestId == Id, "not-posted", "This entry was not posted for this request.");
        LedgerSequence = entry.Sequence;
    }

    private void MustBePending()
    {
        Rule.Require(Status == RequestStatus.Pending, "not-pending",
            $"This request was already {Status.ToString().ToLowerInvariant()}.");
    }
}
