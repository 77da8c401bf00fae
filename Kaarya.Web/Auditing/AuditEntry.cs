namespace Kaarya.Web.Auditing;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignedOut = 4,
    Created = 10,
    Changed = 11,
    Removed = 12,
    Approved = 20,
    Rejected = 21,
    Reversed = 22,
    PeriodClosed = 23,
    Exported = 30,
    Viewed = 40,
    AccessRefused = 41,
    UserCreated = 50,
    PasswordReset = 51,
    UserDeactivated = 52,
    UserReactivated = 53,
    Imported = 60,
}

/// <summary>One field's value before and after a change.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// One line of the audit log. Entries are only ever added: the app has no code that changes or
/// removes one, and the database refuses UPDATE and DELETE on the table (see <see cref="Data.AuditGuard"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int RecordTypeMaxLength = 80;
    public const int RecordIdMaxLength = 120;
    public const int SummaryMaxLength = 1000;

    private AuditEntry()
    {
        UserId = string.Empty;
        RecordType = string.Empty;
        RecordId = string.Empty;
        Summary = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, string userId, AuditAction action, string recordType, string recordId, string summary, IReadOnlyList<FieldChange>? changes = null)
    {
        At = at;
        UserId = userId;
        Action = action;
        RecordType = recordType;
        RecordId = recordId.Length > RecordIdMaxLength ? recordId[..RecordIdMaxLength] : recordId;
        Summary = summary.Length > SummaryMaxLength ? summary[..SummaryMaxLength] : summary;
        Changes = changes is { Count: > 0 } ? [.. changes] : [];
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who did it: a user name, "anonymous" for a failed sign-in to no account, or "system".</summary>
    public string UserId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The kind of record, e.g. Participant, LedgerEntry, DisbursementRequest, Workbook.</summary>
    public string RecordType { get; private set; }

    /// <summary>Which record: its id, ledger sequence, or participant code.</summary>
    public string RecordId { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Field-level old and new values of a create or change.</summary>
    public List<FieldChange> Changes { get; private set; } = [];
}
