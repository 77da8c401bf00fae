using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Auditing;

/// <summary>What the manager searches the audit log by; empty fields match everything.</summary>
public sealed class AuditFilter
{
    public string? UserId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }

    public AuditAction? Action { get; set; }

    /// <summary>A record's id, ledger sequence or participant code.</summary>
    public string? Record { get; set; }

    public int Take { get; set; } = 200;
}

/// <summary>The audit log, newest first: for the programme manager only.</summary>
public sealed class AuditSearch(IDbContextFactory<KaaryaDbContext> contexts, AuditTrail audit)
{
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Role != KaaryaRole.ProgrammeManager)
        {
            await audit.RecordAsync(viewer.UserId, AuditAction.AccessRefused, "AuditLog", "search", "Refused: the audit log", cancellationToken);
            throw new AccessDeniedException();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            var user = filter.UserId.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.UserId == user);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ProgrammeCalendar.IndiaOffset);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.Until is { } until)
        {
            var end = new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), ProgrammeCalendar.IndiaOffset);
            entries = entries.Where(e => e.At < end);
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Record))
        {
            // Codes are stored in capitals (KAA-07); ids and sequence numbers have no case.
            var record = filter.Record.Trim();
            var code = record.ToUpperInvariant();
            entries = entries.Where(e => e.RecordId == record || e.RecordId == code);
        }

        return await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(filter.Take, 1, 1000)).ToListAsync(cancellationToken);
    }
}
