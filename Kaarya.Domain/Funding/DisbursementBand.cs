using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>
/// The programme's policy for an immediate disbursement: between ₹8,000 and ₹20,000 in the
/// report. The band is configuration; an amount outside it needs a <see cref="BandOverride"/>.
/// This is the one place the band is enforced.
/// </summary>
public sealed record DisbursementBand
{
    public DisbursementBand(Money minimum, Money maximum)
    {
        Rule.Require(minimum.IsPositive, "band-minimum", "The band's minimum must be more than ₹0.");
        Rule.Require(maximum >= minimum, "band-order", "The band's maximum must not be below its minimum.");
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The band of the programme's report: INR 8,000 – 20,000.</summary>
    public static DisbursementBand Default { get; } = new(Money.FromRupees(8_000), Money.FromRupees(20_000));

    public Money Minimum { get; }

    public Money Maximum { get; }

    public bool Contains(Money amount) => Minimum <= amount && amount <= Maximum;

    public override string ToString() => $"{Minimum.ToShortString()}–{Maximum.ToShortString()}";

    /// <summary>
    /// Refuses an amount outside the band unless a programme manager has overridden it with a reason.
    /// Returns the override that was needed, or null when the amount lies inside the band.
    /// </summary>
    public BandOverride? Admit(Money amount, BandOverride? managerOverride) => Admit(amount, Money.Zero, managerOverride);

    /// <summary>
    /// The band limits what a business receives in a phase, not what one decision says: an amount
    /// outside the band, or one that brings the business's immediate decisions in the phase
    /// (<paramref name="decidedBefore"/>) above its maximum, needs a manager's override with a reason.
    /// Returns the override that was needed, or null when none was.
    /// </summary>
    public BandOverride? Admit(Money amount, Money decidedBefore, BandOverride? managerOverride)
    {
        Rule.Require(amount.IsPositive, "amount-not-positive", "A disbursement must be more than ₹0.");
        if (!Contains(amount))
        {
            var side = amount < Minimum ? "below" : "above";
            Rule.Require(managerOverride is not null, "outside-band",
                $"{amount.ToShortString()} is {side} the programme band {this}; a programme manager can override with a reason.");
            return managerOverride;
        }

        var total = decidedBefore + amount;
        if (total <= Maximum)
        {
            return null;
        }

        Rule.Require(managerOverride is not null, "outside-band", "phase-total",
            $"With {amount.ToShortString()}, the immediate decisions for this business in this phase come to {total.ToShortString()}, above the programme band's {Maximum.ToShortString()}; a programme manager can override with a reason.");
        return managerOverride;
    }
}

/// <summary>A programme manager's written permission for an amount outside the band.</summary>
public sealed record BandOverride
{
    public const int ReasonMaxLength = TextLimits.Passage;

    public BandOverride(Actor manager, string reason)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("override the disbursement band");
        Rule.Require(!string.IsNullOrWhiteSpace(reason), "override-reason",
            "An override of the band needs a written reason.");
        ManagerId = manager.UserId;
        Reason = Rule.RequiredText(reason, "The override's reason", ReasonMaxLength);
    }

    public string ManagerId { get; }

    public string Reason { get; }
}
