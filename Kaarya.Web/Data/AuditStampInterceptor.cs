using Kaarya.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaarya.Web.Data;

/// <summary>Stamps who created or last changed a record, and when, on every save.</summary>
public sealed class AuditStampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is not KaaryaDbContext db)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var entry in db.ChangeTracker.Entries<IAuditable>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.StampCreated(now, db.ActingUserId);
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.StampUpdated(now, db.ActingUserId);
            }
        }
    }
}
