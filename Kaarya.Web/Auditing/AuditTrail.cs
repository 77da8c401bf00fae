using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Auditing;

/// <summary>
/// Records the events that are not a change of a record: sign-ins and their failures, views of a
/// survivor's record, refused attempts, exports. Each is saved at once, in its own transaction.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock)
{
    public async Task RecordAsync(string userId, AuditAction action, string recordType, string recordId, string summary, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), userId, action, recordType, recordId, summary));
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class AuditEntries
{
    /// <summary>Adds an event to the save in progress, so it commits or rolls back with the work it describes.</summary>
    public static void Audit(this KaaryaDbContext db, DateTimeOffset at, AuditAction action, string recordType, string recordId, string summary)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry(at, db.ActingUserId, action, recordType, recordId, summary));
    }
}
