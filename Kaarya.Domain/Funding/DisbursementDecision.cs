using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Programmes;

namespace Kaarya.Domain.Funding;

/// <summary>The three outcomes the programme gave businesses after stocktaking and risk assessment.</summary>
public enum DecisionKind
{
    /// <summary>Disburse now, within the band.</summary>
    Immediate = 1,

    /// <summary>Disburse only after further discussion with the survivor and her family.</summary>
    Delayed = 2,

    /// <summary>No disbursement.</summary>
    None = 3,
}

/// <summary>
/// What the programme decided about seed money for one business in one phase. A decision rests
/// on a 4P stocktaking and a risk assessment of that business in that phase. A business has one
/// current decision per phase: a new one replaces it, and both stay on record, linked.
/// </summary>
public sealed class DisbursementDecision : AuditableEntity
{
    private DisbursementDecision()
    {
        DecidedBy = string.Empty;
        Reason = string.Empty;
        MustTakePart = string.Empty;
        DiscussedWith = string.Empty;
        DiscussionOutcome = string.Empty;
    }

    private DisbursementDecision(Business business, Phase phase, Stocktaking stocktaking, RiskAssessment riskAssessment, DecisionKind kind, DateOnly decidedOn, Actor decidedBy)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(decidedBy);
        Rule.Require(stocktaking is not null && stocktaking.BusinessId == business.Id && stocktaking.PhaseId == phase.Id,
            "no-stocktaking", $"A decision needs a 4P stocktaking of {business.Name} in {phase.Name}; record the stocktaking first.");
        Rule.Require(riskAssessment is not null && riskAssessment.BusinessId == business.Id && riskAssessment.PhaseId == phase.Id,
            "no-risk-assessment", $"A decision needs a risk assessment of {business.Name} in {phase.Name}; record the risk assessment first.");
        Rule.Require(business.Status != BusinessStatus.Closed, "business-closed", $"{business.Name} is closed; a closed business gets no decision.");
        decidedBy.MustKeepRecords();
        phase.MustBeOpen();
        Rule.Require(phase.Includes(decidedOn), "outside-phase", "decision", $"The decision date {DateFormats.Show(decidedOn)} is outside {phase.Name}.");

        BusinessId = business.Id;
        PhaseId = phase.Id;
        StocktakingId = stocktaking!.Id;
        RiskAssessmentId = riskAssessment!.Id;
        Kind = kind;
        DecidedOn = decidedOn;
        DecidedBy = decidedBy.UserId;
        Reason = string.Empty;
        MustTakePart = string.Empty;
        DiscussedWith = string.Empty;
        DiscussionOutcome = string.Empty;
    }

    public Guid BusinessId { get; private set; }

    public Guid PhaseId { get; private set; }

    public Guid StocktakingId { get; private set; }

    public Guid RiskAssessmentId { get; private set; }

    public DecisionKind Kind { get; private set; }

    /// <summary>The amount decided; zero unless the decision is immediate.</summary>
    public Money Amount { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string DecidedBy { get; private set; }

    /// <summary>Why the money is delayed or withheld; for an immediate decision, any note.</summary>
    public string Reason { get; private set; }

    /// <summary>When a delayed decision is taken up again with the survivor and her family.</summary>
    public DateOnly? FollowUpOn { get; private set; }

    /// <summary>Who must take part in the further discussion of a delayed decision (e.g. her family).</summary>
    public string MustTakePart { get; private set; }

    /// <summary>When the family discussion a delayed decision waited for took place; it ends the follow-up.</summary>
    public DateOnly? DiscussedOn { get; private set; }

    /// <summary>Who took part in the family discussion.</summary>
    public string DiscussedWith { get; private set; }

    /// <summary>What the family discussion came to.</summary>
    public string DiscussionOutcome { get; private set; }

    public string? DiscussionRecordedBy { get; private set; }

    public string? OverriddenBy { get; private set; }

    /// <summary>The decision this one replaced, if any.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>The later decision that replaced this one; null while it is in force.</summary>
    public Guid? SupersededById { get; private set; }

    public DateOnly? SupersededOn { get; private set; }

    public bool IsCurrent => SupersededById is null;

    public string? OverrideReason { get; private set; }

    public bool AllowsDisbursement => Kind == DecisionKind.Immediate;

    /// <summary>Refuses money asked for, or approved, against a decision a later one has replaced.</summary>
    public void MustBeCurrent() =>
        Rule.Require(IsCurrent, "decision-superseded",
            $"This decision was replaced on {DateFormats.Show(SupersededOn.GetValueOrDefault())} by a later one; money goes against the decision in force.");

    /// <summary>
    /// Money now, within the band. <paramref name="before"/> is what the business already has in the
    /// phase: the band limits what was paid so far plus this amount, and this decision replaces the
    /// current one.
    /// </summary>
    public static DisbursementDecision Immediate(
        Business business, Phase phase, Stocktaking stocktaking, RiskAssessment riskAssessment,
        Money amount, DisbursementBand band, DecisionsInPhase before, DateOnly decidedOn, Actor decidedBy, BandOverride? bandOverride = null, string note = "")
    {
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(before);
        var decision = new DisbursementDecision(business, phase, stocktaking, riskAssessment, DecisionKind.Immediate, decidedOn, decidedBy);
        var neededOverride = band.Admit(amount, before.PaidSoFar, bandOverride);
        decision.Amount = amount;
        decision.Reason = Rule.OptionalText(note, "The note", TextLimits.Passage);
        decision.OverriddenBy = neededOverride?.ManagerId;
        decision.OverrideReason = neededOverride?.Reason;
        decision.Replace(before);
        return decision;
    }

    public static DisbursementDecision Delayed(
        Business business, Phase phase, Stocktaking stocktaking, RiskAssessment riskAssessment,
        string reason, DateOnly? followUpOn, string mustTakePart, DateOnly decidedOn, Actor decidedBy, DecisionsInPhase before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var decision = new DisbursementDecision(business, phase, stocktaking, riskAssessment, DecisionKind.Delayed, decidedOn, decidedBy);
        Rule.Require(followUpOn is not null, "no-follow-up",
            "A delayed decision needs a follow-up date for the discussion with the survivor and her family.");
        Rule.Require(followUpOn > decidedOn, "follow-up-past", "The follow-up date must come after the decision.");
        decision.Reason = Rule.RequiredText(reason, "The reason for the delay", TextLimits.Passage);
        decision.FollowUpOn = followUpOn;
        decision.MustTakePart = Rule.RequiredText(mustTakePart, "Who must take part", TextLimits.Line);
        decision.Replace(before);
        return decision;
    }

    public static DisbursementDecision NoDisbursement(
        Business business, Phase phase, Stocktaking stocktaking, RiskAssessment riskAssessment,
        string reason, DateOnly decidedOn, Actor decidedBy, DecisionsInPhase before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var decision = new DisbursementDecision(business, phase, stocktaking, riskAssessment, DecisionKind.None, decidedOn, decidedBy);
        decision.Reason = Rule.RequiredText(reason, "The reason for no disbursement", TextLimits.Passage);
        decision.Replace(before);
        return decision;
    }

    /// <summary>
    /// The last step of every new decision, once all its rules have passed: it replaces the
    /// business's current decision in the phase, which stays on record, linked both ways.
    /// </summary>
    private void Replace(DecisionsInPhase before)
    {
        if (before.Current is not { } current)
        {
            return;
        }

        if (current.BusinessId != BusinessId || current.PhaseId != PhaseId)
        {
            throw new ArgumentException("The decisions before must be of this decision's business and phase.", nameof(before));
        }

        Rule.Require(DecidedOn >= current.DecidedOn, "decision-before-current",
            $"The new decision's date {DateFormats.Show(DecidedOn)} is before {DateFormats.Show(current.DecidedOn)}, the date of the decision it replaces.");
        SupersedesId = current.Id;
        current.SupersededById = Id;
        current.SupersededOn = DecidedOn;
    }

    /// <summary>A delayed decision waits for its family discussion until the discussion is recorded.</summary>
    public bool IsFollowUpOpen => Kind == DecisionKind.Delayed && DiscussedOn is null;

    /// <summary>Whether a delayed decision's follow-up has passed without the family discussion being recorded.</summary>
    public bool IsFollowUpOverdue(DateOnly today) => IsFollowUpOpen && FollowUpOn < today;

    /// <summary>
    /// Records the discussion with her family that a delayed decision waited for, which ends its
    /// follow-up. What follows from it (money now, or none) is a new decision.
    /// </summary>
    public void RecordFamilyDiscussion(DateOnly discussedOn, string whoTookPart, string outcome, Actor recordedBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        recordedBy.MustKeepRecords();
        Rule.Require(Kind == DecisionKind.Delayed, "not-delayed", "Only a delayed decision waits for a family discussion.");
        Rule.Require(DiscussedOn is null, "discussion-recorded",
            $"The family discussion of this decision was already recorded, on {DateFormats.Show(DiscussedOn.GetValueOrDefault())}.");
        Rule.Require(discussedOn >= DecidedOn, "discussion-before-decision",
            $"The discussion cannot be on {DateFormats.Show(discussedOn)}, before the decision of {DateFormats.Show(DecidedOn)}.");
        Rule.Require(discussedOn <= today, "discussion-future",
            $"The discussion cannot be recorded for {DateFormats.Show(discussedOn)}: that is after today, {DateFormats.Show(today)}.");
        DiscussedWith = Rule.RequiredText(whoTookPart, "Who took part", TextLimits.Line);
        DiscussionOutcome = Rule.RequiredText(outcome, "What the discussion came to", TextLimits.Passage);
        DiscussedOn = discussedOn;
        DiscussionRecordedBy = recordedBy.UserId;
    }
}
