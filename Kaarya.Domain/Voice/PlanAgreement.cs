using Kaarya.Domain.Access;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;

namespace Kaarya.Domain.Voice;

/// <summary>Whether she agrees with a version of her plan. "Not yet" is an answer too: the plan is hers to agree to.</summary>
public enum PlanAnswer
{
    Agree = 1,
    NotYet = 2,
}

/// <summary>
/// The survivor's own answer to "do you agree with this plan?", on the latest version of her plan,
/// with her words if she wants to add any. Only she gives it. She may answer again (not yet, then
/// agree after talking with her family): the new answer is the next revision and counts; the
/// earlier ones stay on record.
/// </summary>
public sealed class PlanAgreement : AuditableEntity
{
    private PlanAgreement()
    {
        Words = string.Empty;
        SaidBy = string.Empty;
    }

    private PlanAgreement(Business business, BusinessPlan plan, PlanAgreement? previous, Viewer her, PlanAnswer answer, string words, DateTimeOffset saidAt)
    {
        BusinessId = business.Id;
        BusinessPlanId = plan.Id;
        PlanVersion = plan.Version;
        Answer = answer;
        Words = Rule.OptionalText(words, "Your words", TextLimits.Passage);
        Revision = (previous?.Revision ?? 0) + 1;
        SaidBy = her.UserId;
        SaidAt = saidAt;
    }

    public Guid BusinessId { get; private set; }

    public Guid BusinessPlanId { get; private set; }

    /// <summary>The version she answered on, so "she agreed to version 2" reads without the plan beside it.</summary>
    public int PlanVersion { get; private set; }

    public PlanAnswer Answer { get; private set; }

    /// <summary>What she wants to say with her answer; may be empty.</summary>
    public string Words { get; private set; }

    /// <summary>1 for her first answer on this version, then one more each time she answers again.</summary>
    public int Revision { get; private set; }

    /// <summary>Her own user id.</summary>
    public string SaidBy { get; private set; }

    public DateTimeOffset SaidAt { get; private set; }

    public bool Agrees => Answer == PlanAnswer.Agree;

    /// <summary>
    /// Her answer on <paramref name="plan"/>, which must be the latest version
    /// (<paramref name="latestVersion"/>); <paramref name="previous"/> is her last answer on it, if any.
    /// </summary>
    public static PlanAgreement Say(Business business, BusinessPlan plan, int latestVersion, PlanAgreement? previous, Viewer her, PlanAnswer answer, string words, DateTimeOffset saidAt)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(her);
        Rule.Require(RecordAccess.MayWriteHerOwnWords(her, business.ParticipantId), HerWords.NotHersCode, "answer",
            "Only she can say whether she agrees with her plan. Staff and her mentor can read her answer, not give it for her.");
        Rule.Require(plan.BusinessId == business.Id, "plan-of-another-business", "That plan belongs to another business.");
        Rule.Require(plan.Version == latestVersion, "plan-superseded",
            $"Version {plan.Version} of the plan has been revised; say whether you agree with version {latestVersion}.");
        Rule.Require(Enum.IsDefined(answer), "answer-unknown", "Choose \"I agree\" or \"Not yet\".");
        Rule.Require(previous is null || previous.BusinessPlanId == plan.Id, "answer-elsewhere", "A new answer follows the answer on the same plan.");
        var agreement = new PlanAgreement(business, plan, previous, her, answer, words, saidAt);
        Rule.Require(previous is null || previous.Answer != agreement.Answer || !string.Equals(previous.Words, agreement.Words, StringComparison.Ordinal),
            "same-answer", "You have already given this answer on this plan.");
        return agreement;
    }
}
