using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>
/// The decisions one business already has in one phase, with what was paid against each. A
/// business has one current decision per phase: a new one replaces it, and a replaced immediate
/// decision keeps counting only for what was paid against it. This is the one place that says what
/// a phase holds for a business, for the band, the approval card and the phase's budgets.
/// </summary>
public sealed class DecisionsInPhase
{
    private readonly IReadOnlyList<DisbursementDecision> _decisions;
    private readonly IReadOnlyDictionary<Guid, Money> _paidAgainst;

    /// <param name="decisions">Every decision of the business in the phase, replaced ones included.</param>
    /// <param name="paidAgainst">Net paid (postings less reversals) against each decision; missing means nothing.</param>
    public DecisionsInPhase(IEnumerable<DisbursementDecision> decisions, IReadOnlyDictionary<Guid, Money> paidAgainst)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(paidAgainst);
        _decisions = [.. decisions];
        _paidAgainst = paidAgainst;
        if (_decisions.Select(d => (d.BusinessId, d.PhaseId)).Distinct().Count() > 1)
        {
            throw new ArgumentException("The decisions must be of one business in one phase.", nameof(decisions));
        }

        var current = _decisions.Where(d => d.IsCurrent).ToList();
        if (current.Count > 1)
        {
            throw new ArgumentException("A business has one current decision in a phase.", nameof(decisions));
        }

        Current = current.SingleOrDefault();
    }

    /// <summary>A business with no decision in the phase yet.</summary>
    public static DecisionsInPhase None { get; } = new([], new Dictionary<Guid, Money>());

    /// <summary>
    /// A business's decisions in a phase before any money was paid against them: a register import
    /// or the demo, which record a business's decisions before its payments.
    /// </summary>
    public static DecisionsInPhase BeforeAnyPayment(IEnumerable<DisbursementDecision> decisions, Guid businessId, Guid phaseId)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return new(decisions.Where(d => d.BusinessId == businessId && d.PhaseId == phaseId), new Dictionary<Guid, Money>());
    }

    /// <summary>The decision in force, which the next one replaces.</summary>
    public DisbursementDecision? Current { get; }

    /// <summary>
    /// What a new immediate decision is added to for the band: what was paid against every immediate
    /// decision so far. The current one's unpaid rest goes, for the new decision replaces it.
    /// </summary>
    public Money PaidSoFar => Money.Sum(_decisions.Where(d => d.Kind == DecisionKind.Immediate).Select(PaidAgainst));

    /// <summary>What the phase holds for the business: the current immediate decision in full, the replaced ones for what was paid.</summary>
    public Money Committed => Money.Sum(_decisions
        .Where(d => d.Kind == DecisionKind.Immediate)
        .Select(d => d.IsCurrent ? Money.Max(d.Amount, PaidAgainst(d)) : PaidAgainst(d)));

    /// <summary>What a phase's decisions hold for all its businesses together: what its budgets must cover.</summary>
    public static Money CommittedInPhase(IEnumerable<DisbursementDecision> decisions, IReadOnlyDictionary<Guid, Money> paidAgainst)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return Money.Sum(decisions.GroupBy(d => (d.BusinessId, d.PhaseId)).Select(g => new DecisionsInPhase(g, paidAgainst).Committed));
    }

    private Money PaidAgainst(DisbursementDecision decision) => _paidAgainst.GetValueOrDefault(decision.Id, Money.Zero);
}
