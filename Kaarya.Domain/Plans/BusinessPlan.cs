using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Plans;

/// <summary>A costed line of a plan: a cost of running the business, or an intended use of seed money.</summary>
public sealed record PlanLineItem
{
    public PlanLineItem(string description, Money amount)
    {
        Description = Rule.RequiredText(description, "The item's description", TextLimits.Line);
        Rule.Require(!amount.IsNegative, "line-negative", $"\"{Description}\" must be ₹0.00 or more.");
        Amount = amount;
    }

    public string Description { get; private init; }

    public Money Amount { get; private init; }
}

/// <summary>The content of a business plan, as drafted with the survivor.</summary>
public sealed record PlanContent(
    string ProductsAndServices,
    string Customers,
    IReadOnlyList<PlanLineItem> Costs,
    Money ExpectedMonthlyIncome,
    IReadOnlyList<PlanLineItem> IntendedUsesOfSeedMoney,
    string SupportersAndChallengers,
    string NextSteps);

/// <summary>
/// One version of a survivor's business plan. A plan is never edited in place: a revision is a
/// new version, so the plan she agreed to at a review can always be read again.
/// </summary>
public sealed class BusinessPlan : AuditableEntity
{
    private List<PlanLineItem> _costs = [];
    private List<PlanLineItem> _intendedUsesOfSeedMoney = [];

    private BusinessPlan()
    {
        DraftedBy = string.Empty;
        ProductsAndServices = string.Empty;
        Customers = string.Empty;
        SupportersAndChallengers = string.Empty;
        NextSteps = string.Empty;
    }

    private BusinessPlan(Guid businessId, int version, DateOnly draftedOn, Actor draftedBy, PlanContent content)
    {
        ArgumentNullException.ThrowIfNull(draftedBy);
        ArgumentNullException.ThrowIfNull(content);
        draftedBy.MustKeepRecords();
        BusinessId = businessId;
        Version = version;
        DraftedOn = draftedOn;
        DraftedBy = draftedBy.UserId;
        ProductsAndServices = Rule.RequiredText(content.ProductsAndServices, "Products and services", TextLimits.Passage);
        Customers = Rule.RequiredText(content.Customers, "Customers", TextLimits.Passage);
        Rule.Require(!content.ExpectedMonthlyIncome.IsNegative, "income-negative", "Expected monthly income must be ₹0.00 or more.");
        ExpectedMonthlyIncome = content.ExpectedMonthlyIncome;
        _costs = [.. content.Costs];
        _intendedUsesOfSeedMoney = [.. content.IntendedUsesOfSeedMoney];
        SupportersAndChallengers = Rule.OptionalText(content.SupportersAndChallengers, "Supporters and challengers", TextLimits.Passage);
        NextSteps = Rule.RequiredText(content.NextSteps, "Next steps", TextLimits.Passage);
    }

    public Guid BusinessId { get; private set; }

    /// <summary>1 for the first plan, then one more for each revision.</summary>
    public int Version { get; private set; }

    public DateOnly DraftedOn { get; private set; }

    public string DraftedBy { get; private set; }

    public string ProductsAndServices { get; private set; }

    public string Customers { get; private set; }

    public IReadOnlyList<PlanLineItem> Costs => _costs.AsReadOnly();

    public Money ExpectedMonthlyIncome { get; private set; }

    public IReadOnlyList<PlanLineItem> IntendedUsesOfSeedMoney => _intendedUsesOfSeedMoney.AsReadOnly();

    public string SupportersAndChallengers { get; private set; }

    public string NextSteps { get; private set; }

    public Money TotalCosts => Money.Sum(_costs.Select(c => c.Amount));

    public Money SeedMoneyAskedFor => Money.Sum(_intendedUsesOfSeedMoney.Select(c => c.Amount));

    public PlanContent Content => new(ProductsAndServices, Customers, Costs, ExpectedMonthlyIncome, IntendedUsesOfSeedMoney, SupportersAndChallengers, NextSteps);

    public static BusinessPlan Draft(Business business, DateOnly draftedOn, Actor draftedBy, PlanContent content)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new BusinessPlan(business.Id, 1, draftedOn, draftedBy, content);
    }

    /// <summary>The <see cref="DomainException.Code"/> of a save started from a version that is no longer the latest.</summary>
    public const string ChangedMeanwhile = "plan-changed-meanwhile";

    /// <summary>
    /// The version a form saves: the first plan, or the next after the one the form started from.
    /// Two staff may open the same plan; whoever saves second started from a version that is no
    /// longer the latest, and her save is refused rather than laid silently over the first one's.
    /// </summary>
    /// <param name="latest">The latest stored version, or null before the first plan.</param>
    /// <param name="startedFromVersion">The version the form was filled in from; 0 for a first plan.</param>
    public static BusinessPlan SaveFrom(Business business, BusinessPlan? latest, int startedFromVersion, DateOnly on, Actor by, PlanContent content)
    {
        ArgumentNullException.ThrowIfNull(business);
        MustStillBeLatest(latest, startedFromVersion);
        return latest is null ? Draft(business, on, by, content) : latest.Revise(on, by, content);
    }

    /// <summary>Refuses a save whose form started from another version than the latest, naming who saved the latest and when.</summary>
    public static void MustStillBeLatest(BusinessPlan? latest, int startedFromVersion)
    {
        if (latest is null)
        {
            Rule.Require(startedFromVersion == 0, ChangedMeanwhile, "gone", $"Version {startedFromVersion} of this plan is no longer there. Nothing was saved; reopen the plan.");
            return;
        }

        var moment = ShowMoment(latest.CreatedAt);
        Rule.Require(
            latest.Version == startedFromVersion || startedFromVersion != 0,
            ChangedMeanwhile,
            "from-empty",
            $"{latest.DraftedBy} saved version {latest.Version} of this plan at {moment}, while you were working from an empty plan. Nothing of yours was saved and what you typed is still here: look at version {latest.Version} beside it, then save yours as version {latest.Version + 1} if it should replace it.");
        Rule.Require(
            latest.Version == startedFromVersion,
            ChangedMeanwhile,
            "from-version",
            $"{latest.DraftedBy} saved version {latest.Version} of this plan at {moment}, while you were working from version {startedFromVersion}. Nothing of yours was saved and what you typed is still here: look at version {latest.Version} beside it, then save yours as version {latest.Version + 1} if it should replace it.");
    }

    private static string ShowMoment(DateTimeOffset at) =>
        at.ToOffset(ProgrammeCalendar.IndiaOffset).ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The next version of this plan; this version stays as it was.</summary>
    public BusinessPlan Revise(DateOnly revisedOn, Actor revisedBy, PlanContent content)
    {
        Rule.Require(revisedOn >= DraftedOn, "revision-date", $"A revision is dated on or after {DateFormats.Show(DraftedOn)}, the date of version {Version}.");
        return new BusinessPlan(BusinessId, Version + 1, revisedOn, revisedBy, content);
    }
}
