using Microsoft.AspNetCore.Authorization;

namespace Kaarya.Web.Identity;

/// <summary>
/// Every page and endpoint names one of these policies (or [AllowAnonymous]); the authorization
/// matrix test fails for any that does not. The policies say which roles may open a page at all;
/// which records a person may see inside it is decided by <c>RecordAccess</c> in the domain.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in with one of the five roles.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>GGBK staff and the programme manager: they keep the records.</summary>
    public const string KeepsRecords = nameof(KeepsRecords);

    /// <summary>The programme manager: approvals, overrides, period closes, users, the audit log.</summary>
    public const string Manager = nameof(Manager);

    /// <summary>The businesses list: staff, manager, auditors (codes only) and mentors (their survivors only).</summary>
    public const string ReadsBusinesses = nameof(ReadsBusinesses);

    /// <summary>The ledger, decisions and utilisation: staff, manager and auditors.</summary>
    public const string ReadsLedger = nameof(ReadsLedger);

    /// <summary>
    /// The ledger workbook: the programme manager and auditors (RecordAccess.MayExportLedger).
    /// Staff read the ledger on screen but do not take it out of the app.
    /// </summary>
    public const string ExportsLedger = nameof(ExportsLedger);

    /// <summary>
    /// Reviewing a survivor's plan with her: mentors. Which survivors a mentor may review is
    /// RecordAccess.MayRecordMentorReview (her assignments), checked on the record itself.
    /// </summary>
    public const string ReviewsPlans = nameof(ReviewsPlans);

    /// <summary>A survivor's own pages.</summary>
    public const string Survivor = nameof(Survivor);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireRole(KaaryaRoles.Staff, KaaryaRoles.ProgrammeManager, KaaryaRoles.Mentor, KaaryaRoles.Survivor, KaaryaRoles.Auditor));
        options.AddPolicy(KeepsRecords, p => p.RequireRole(KaaryaRoles.Staff, KaaryaRoles.ProgrammeManager));
        options.AddPolicy(Manager, p => p.RequireRole(KaaryaRoles.ProgrammeManager));
        options.AddPolicy(ReadsBusinesses, p => p.RequireRole(KaaryaRoles.Staff, KaaryaRoles.ProgrammeManager, KaaryaRoles.Mentor, KaaryaRoles.Auditor));
        options.AddPolicy(ReadsLedger, p => p.RequireRole(KaaryaRoles.Staff, KaaryaRoles.ProgrammeManager, KaaryaRoles.Auditor));
        options.AddPolicy(ExportsLedger, p => p.RequireRole(KaaryaRoles.ProgrammeManager, KaaryaRoles.Auditor));
        options.AddPolicy(ReviewsPlans, p => p.RequireRole(KaaryaRoles.Mentor));
        options.AddPolicy(Survivor, p => p.RequireRole(KaaryaRoles.Survivor));

        // A page that forgets its policy is closed, not open.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
