using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaarya.Web.Auditing;

/// <summary>
/// Writes an audit entry for every record of the programme created, changed or removed, with each field's
/// old and new value, in the same save (and so the same transaction) as the change itself.
/// Sign-in records are audited by the events of signing in, not here.
/// </summary>
public sealed class AuditChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Stamps = new(StringComparer.Ordinal)
    {
        nameof(IAuditable.CreatedAt), nameof(IAuditable.CreatedBy), nameof(IAuditable.UpdatedAt), nameof(IAuditable.UpdatedBy),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not KaaryaDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsProgrammeRecord(e))
            .Select(e => Describe(e, now, db.ActingUserId))
            .Where(a => a is not null)
            .ToList();
        db.AuditEntries.AddRange(entries!);
    }

    /// <summary>The domain's records; not Identity's tables, not the log itself, not JSON line items (their owner's version is).</summary>
    private static bool IsProgrammeRecord(EntityEntry entry) =>
        entry.Metadata.ClrType.Namespace?.StartsWith("Kaarya.Domain", StringComparison.Ordinal) == true
        && !entry.Metadata.IsMappedToJson();

    private static AuditEntry? Describe(EntityEntry entry, DateTimeOffset now, string userId)
    {
        var added = entry.State == EntityState.Added;
        var removed = entry.State == EntityState.Deleted;
        var changes = entry.Properties
            .Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey())
            .Where(p => !Stamps.Contains(p.Metadata.Name))
            .Where(p => added || removed || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .Select(p => new FieldChange(p.Metadata.Name, added ? null : Show(p.OriginalValue), removed ? null : Show(p.CurrentValue)))
            .ToList();
        if (!added && !removed && changes.Count == 0)
        {
            return null;
        }

        var type = entry.Metadata.IsOwned() ? $"{entry.Metadata.FindOwnership()!.PrincipalEntityType.ClrType.Name}.{entry.Metadata.ClrType.Name}" : entry.Metadata.ClrType.Name;
        var action = added ? AuditAction.Created : removed ? AuditAction.Removed : AuditAction.Changed;
        var id = RecordIdOf(entry);
        return new AuditEntry(now, userId, action, type, id, $"{action} {type} {id}", changes);
    }

    private static string RecordIdOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return string.Empty;
        }

        var parts = key.Properties.Select(p => entry.Property(p.Name)).Select(p => p.IsTemporary ? "(new)" : Show(p.CurrentValue));
        return string.Join("/", parts);
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        Money money => money.ToString(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
