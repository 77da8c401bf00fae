namespace Kaarya.Domain.Assessments;

/// <summary>The four Ps, as parts of a stocktaking that can change from one to the next.</summary>
public enum FourPPart
{
    Preparation = 1,
    Purpose = 2,
    Partners = 3,
    PerformancePositives = 4,
    PerformanceChallenges = 5,
}

/// <summary>
/// What changed from one stocktaking of a business to the next: which answers read differently,
/// and who joined or left her supporters and challengers (a husband who turned from challenger
/// to supporter shows as both).
/// </summary>
public sealed class StocktakingComparison
{
    private StocktakingComparison(IReadOnlySet<FourPPart> changed, IReadOnlyList<Partner> joined, IReadOnlyList<Partner> left)
    {
        Changed = changed;
        Joined = joined;
        Left = left;
    }

    public IReadOnlySet<FourPPart> Changed { get; }

    /// <summary>Partners in the later stocktaking who were not in the earlier one, with that stance.</summary>
    public IReadOnlyList<Partner> Joined { get; }

    /// <summary>Partners of the earlier stocktaking no longer named, with that stance, in the later one.</summary>
    public IReadOnlyList<Partner> Left { get; }

    public bool HasChanges => Changed.Count > 0;

    public static StocktakingComparison Between(Stocktaking earlier, Stocktaking later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var changed = new HashSet<FourPPart>();
        if (!Same(earlier.Preparation, later.Preparation))
        {
            changed.Add(FourPPart.Preparation);
        }

        if (!Same(earlier.Purpose, later.Purpose))
        {
            changed.Add(FourPPart.Purpose);
        }

        if (!Same(earlier.PerformancePositives, later.PerformancePositives))
        {
            changed.Add(FourPPart.PerformancePositives);
        }

        if (!Same(earlier.PerformanceChallenges, later.PerformanceChallenges))
        {
            changed.Add(FourPPart.PerformanceChallenges);
        }

        var before = earlier.Partners.Select(p => (p.Kind, p.Stance)).ToHashSet();
        var after = later.Partners.Select(p => (p.Kind, p.Stance)).ToHashSet();
        var joined = later.Partners.Where(p => !before.Contains((p.Kind, p.Stance))).ToList();
        var left = earlier.Partners.Where(p => !after.Contains((p.Kind, p.Stance))).ToList();
        if (joined.Count > 0 || left.Count > 0)
        {
            changed.Add(FourPPart.Partners);
        }

        return new StocktakingComparison(changed, joined, left);
    }

    private static bool Same(string one, string other) => string.Equals(one.Trim(), other.Trim(), StringComparison.Ordinal);
}
