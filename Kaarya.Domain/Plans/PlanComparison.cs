using Kaarya.Domain.Common;

namespace Kaarya.Domain.Plans;

/// <summary>The parts of a plan, in the order the plan reads.</summary>
public enum PlanPart
{
    ProductsAndServices = 1,
    Customers = 2,
    Costs = 3,
    ExpectedMonthlyIncome = 4,
    IntendedUses = 5,
    SupportersAndChallengers = 6,
    NextSteps = 7,
}

/// <summary>A written part of the plan that reads differently in the later version.</summary>
public sealed record PlanTextChange(PlanPart Part, string Before, string After);

/// <summary>
/// A costed line that was added (no <see cref="Before"/>), dropped (no <see cref="After"/>) or
/// re-costed between two versions. Lines are matched by their description.
/// </summary>
public sealed record PlanLineChange(PlanPart Part, string Description, Money? Before, Money? After)
{
    public bool IsAdded => Before is null;

    public bool IsDropped => After is null;
}

/// <summary>What changed between two versions of a plan: what staff and the survivor look at when she revises it.</summary>
public sealed class PlanComparison
{
    private PlanComparison(BusinessPlan earlier, BusinessPlan later, IReadOnlyList<PlanTextChange> text, IReadOnlyList<PlanLineChange> lines)
    {
        Earlier = earlier;
        Later = later;
        TextChanges = text;
        LineChanges = lines;
    }

    public BusinessPlan Earlier { get; }

    public BusinessPlan Later { get; }

    public IReadOnlyList<PlanTextChange> TextChanges { get; }

    public IReadOnlyList<PlanLineChange> LineChanges { get; }

    public bool IncomeChanged => Earlier.ExpectedMonthlyIncome != Later.ExpectedMonthlyIncome;

    public bool HasChanges => TextChanges.Count > 0 || LineChanges.Count > 0 || IncomeChanged;

    /// <summary>Compares two versions of the same plan, whichever order they are given in.</summary>
    public static PlanComparison Between(BusinessPlan one, BusinessPlan other)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);
        Rule.Require(one.BusinessId == other.BusinessId, "plans-of-two-businesses", "Only two versions of the same business's plan can be compared.");
        var (earlier, later) = one.Version <= other.Version ? (one, other) : (other, one);

        List<PlanTextChange> text = [];
        AddIfChanged(text, PlanPart.ProductsAndServices, earlier.ProductsAndServices, later.ProductsAndServices);
        AddIfChanged(text, PlanPart.Customers, earlier.Customers, later.Customers);
        AddIfChanged(text, PlanPart.SupportersAndChallengers, earlier.SupportersAndChallengers, later.SupportersAndChallengers);
        AddIfChanged(text, PlanPart.NextSteps, earlier.NextSteps, later.NextSteps);

        List<PlanLineChange> lines = [.. CompareLines(PlanPart.Costs, earlier.Costs, later.Costs), .. CompareLines(PlanPart.IntendedUses, earlier.IntendedUsesOfSeedMoney, later.IntendedUsesOfSeedMoney)];
        return new PlanComparison(earlier, later, text, lines);
    }

    private static void AddIfChanged(List<PlanTextChange> changes, PlanPart part, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new PlanTextChange(part, before, after));
        }
    }

    private static IEnumerable<PlanLineChange> CompareLines(PlanPart part, IReadOnlyList<PlanLineItem> before, IReadOnlyList<PlanLineItem> after)
    {
        static string Key(PlanLineItem line) => line.Description.Trim().ToUpperInvariant();
        var earlier = before.GroupBy(Key).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));
        var later = after.GroupBy(Key).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));

        foreach (var line in before.DistinctBy(Key))
        {
            if (!later.TryGetValue(Key(line), out var now))
            {
                yield return new PlanLineChange(part, line.Description, earlier[Key(line)], null);
            }
            else if (now != earlier[Key(line)])
            {
                yield return new PlanLineChange(part, line.Description, earlier[Key(line)], now);
            }
        }

        foreach (var line in after.DistinctBy(Key).Where(l => !earlier.ContainsKey(Key(l))))
        {
            yield return new PlanLineChange(part, line.Description, null, later[Key(line)]);
        }
    }
}
