using Kaarya.Domain.Common;

namespace Kaarya.Domain.Businesses;

/// <summary>
/// Why a business paused or closed, from the programme's own list, which it extends as it learns
/// (the report's own: capital ran out, the family, health, the market, migration). A cause that
/// needs a note ("Other") is not recorded without one saying what happened.
/// </summary>
public sealed class BusinessStatusCause : AuditableEntity
{
    private BusinessStatusCause()
    {
        Name = string.Empty;
    }

    public BusinessStatusCause(string name, bool needsNote)
    {
        Name = Rule.RequiredText(name, "The cause", TextLimits.Name);
        NeedsNote = needsNote;
    }

    public string Name { get; private set; }

    public bool NeedsNote { get; private set; }

    /// <summary>The list a new programme starts with.</summary>
    public static IReadOnlyList<BusinessStatusCause> FirstList() =>
    [
        new("Capital ran out", needsNote: false),
        new("Family", needsNote: false),
        new("Health", needsNote: false),
        new("Market", needsNote: false),
        new("Migration", needsNote: false),
        new("Other", needsNote: true),
    ];
}
