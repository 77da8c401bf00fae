namespace Kaarya.Domain.Common;

/// <summary>
/// The programme runs in West Bengal: "today" is the date in India (UTC+05:30), whatever the
/// server's clock zone.
/// </summary>
public static class ProgrammeCalendar
{
    public static readonly TimeSpan IndiaOffset = new(5, 30, 0);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(IndiaOffset).DateTime);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Today(clock.GetUtcNow());
    }
}
