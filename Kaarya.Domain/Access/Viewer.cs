using Kaarya.Domain.Common;

namespace Kaarya.Domain.Access;

/// <summary>
/// Someone looking at the programme's records, with what decides what she may see: her role,
/// the participant record that is hers (a survivor), and the survivors assigned to her (a mentor).
/// </summary>
public sealed record Viewer(Actor Actor, Guid? OwnParticipantId, IReadOnlySet<Guid> MentoredParticipantIds)
{
    public string UserId => Actor.UserId;

    public KaaryaRole Role => Actor.Role;

    public static Viewer Staff(Actor actor) => new(actor, null, new HashSet<Guid>());
}
