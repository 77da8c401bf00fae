using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>
/// A closing of the books through a date. Once closed, nothing may be posted with a value date
/// on or before it: corrections go into an open period as reversals.
/// </summary>
public sealed class AccountingPeriod
{
    private AccountingPeriod()
    {
        ClosedBy = string.Empty;
    }

    private AccountingPeriod(DateOnly closedThrough, string closedBy, DateTimeOffset closedAt)
    {
        ClosedThrough = closedThrough;
        ClosedBy = closedBy;
        ClosedAt = closedAt;
    }

    public int Id { get; private set; }

    /// <summary>The last day of the closed period.</summary>
    public DateOnly ClosedThrough { get; private set; }

    public string ClosedBy { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }

    public static AccountingPeriod Close(DateOnly through, DateOnly? previouslyClosedThrough, Actor manager, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("close a period");
        Rule.Require(previouslyClosedThrough is null || through > previouslyClosedThrough, "period-already-closed",
            $"The books are already closed through {DateFormats.Show(previouslyClosedThrough.GetValueOrDefault())}.");
        Rule.Require(through < ProgrammeCalendar.Today(now), "period-not-over",
            "A period can be closed only once it is over.");
        return new AccountingPeriod(through, manager.UserId, now);
    }

    /// <summary>Refuses a value date on or before the last closed period.</summary>
    public static void EnsureOpen(DateOnly valueDate, DateOnly? closedThrough)
    {
        Rule.Require(closedThrough is null || valueDate > closedThrough, "period-closed",
            $"The value date {DateFormats.Show(valueDate)} falls in a closed period (closed through {DateFormats.Show(closedThrough.GetValueOrDefault())}); use a date after it.");
    }
}
