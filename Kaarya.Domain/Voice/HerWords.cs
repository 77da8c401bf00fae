using Kaarya.Domain.Access;
using Kaarya.Domain.Assessments;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Domain.Voice;

/// <summary>
/// What the survivor herself says about one part of her plan (a version of it) or one of the 4P
/// of a stocktaking, in her own words and her own language. Only she writes them; staff and her
/// mentor read them. Words are never changed: when she writes again on the same part, the new
/// words are the next revision and what she said before stays readable.
/// </summary>
public sealed class HerWords : AuditableEntity
{
    public const string NotHersCode = "not-her-own-words";

    public const string NotHers = "Only she can write her own words. Staff and her mentor can read them, not write them for her.";

    private HerWords()
    {
        Text = string.Empty;
        WrittenBy = string.Empty;
    }

    private HerWords(Business business, HerWords? latest, Viewer author, string text, DateTimeOffset writtenAt)
    {
        Text = Rule.RequiredText(text, "Your words", TextLimits.Passage);
        Rule.Require(latest is null || !string.Equals(latest.Text, Text, StringComparison.Ordinal), "same-words",
            "These are already your words here; change them, or leave them as they are.");
        Rule.Require(latest is null || writtenAt >= latest.WrittenAt, "words-before-latest",
            "New words cannot be dated before the words they follow.");
        BusinessId = business.Id;
        Revision = (latest?.Revision ?? 0) + 1;
        WrittenBy = author.UserId;
        WrittenAt = writtenAt;
    }

    public Guid BusinessId { get; private set; }

    /// <summary>The version of her plan these words are on; null for words on a stocktaking.</summary>
    public Guid? BusinessPlanId { get; private set; }

    public PlanPart? PlanPart { get; private set; }

    /// <summary>The stocktaking these words are on; null for words on her plan.</summary>
    public Guid? StocktakingId { get; private set; }

    public FourPPart? FourPPart { get; private set; }

    /// <summary>1 for the first words she wrote on this part, then one more each time she writes again.</summary>
    public int Revision { get; private set; }

    public string Text { get; private set; }

    /// <summary>Her own user id: she wrote them.</summary>
    public string WrittenBy { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>
    /// Her words on a part of one version of her plan. <paramref name="latest"/> is what she last
    /// wrote on the same part of the same version (null the first time); the new words follow it.
    /// </summary>
    public static HerWords OnPlan(Business business, BusinessPlan plan, PlanPart part, HerWords? latest, Viewer author, string text, DateTimeOffset writtenAt)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(plan);
        EnsureWrittenByHerself(author, business.ParticipantId);
        Rule.Require(plan.BusinessId == business.Id, "plan-of-another-business", "That plan belongs to another business.");
        Rule.Require(Enum.IsDefined(part), "part-unknown", "Choose the part of the plan your words are about.");
        Rule.Require(latest is null || (latest.BusinessPlanId == plan.Id && latest.PlanPart == part), "words-elsewhere",
            "New words follow the words on the same part of the same plan.");
        return new HerWords(business, latest, author, text, writtenAt) { BusinessPlanId = plan.Id, PlanPart = part };
    }

    /// <summary>Her words on one of the 4P of a stocktaking, following what she last wrote there (null the first time).</summary>
    public static HerWords OnStocktaking(Business business, Stocktaking stocktaking, FourPPart part, HerWords? latest, Viewer author, string text, DateTimeOffset writtenAt)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(stocktaking);
        EnsureWrittenByHerself(author, business.ParticipantId);
        Rule.Require(stocktaking.BusinessId == business.Id, "stocktaking-of-another-business", "That stocktaking belongs to another business.");
        Rule.Require(Enum.IsDefined(part), "part-unknown", "four-p", "Choose which of the 4P your words are about.");
        Rule.Require(latest is null || (latest.StocktakingId == stocktaking.Id && latest.FourPPart == part), "words-elsewhere", "stocktaking",
            "New words follow the words on the same part of the same stocktaking.");
        return new HerWords(business, latest, author, text, writtenAt) { StocktakingId = stocktaking.Id, FourPPart = part };
    }

    /// <summary>Refuses anyone but the survivor herself, before anything is written.</summary>
    public static void EnsureWrittenByHerself(Viewer author, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(author);
        Rule.Require(RecordAccess.MayWriteHerOwnWords(author, participantId), NotHersCode, NotHers);
    }
}
