namespace Kaarya.Domain.Common;

/// <summary>
/// Base of every record with its own identity. Ids are created by the domain (time-ordered
/// GUIDs) so that an aggregate is complete before it is stored.
/// </summary>
public abstract class Entity
{
    protected Entity() => Id = Guid.CreateVersion7();

    public Guid Id { get; protected set; }
}

/// <summary>A record whose creation and last change are stamped by the persistence layer.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; }

    string CreatedBy { get; }

    DateTimeOffset? UpdatedAt { get; }

    string? UpdatedBy { get; }

    void StampCreated(DateTimeOffset at, string by);

    void StampUpdated(DateTimeOffset at, string by);
}

public abstract class AuditableEntity : Entity, IAuditable
{
    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? UpdatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    void IAuditable.StampCreated(DateTimeOffset at, string by)
    {
        CreatedAt = at;
        CreatedBy = by;
    }

    void IAuditable.StampUpdated(DateTimeOffset at, string by)
    {
        UpdatedAt = at;
        UpdatedBy = by;
    }
}
