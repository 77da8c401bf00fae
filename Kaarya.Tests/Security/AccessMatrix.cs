using Kaarya.Domain.Common;

namespace Kaarya.Tests.Security;

/// <summary>
/// The specification of who may open which page or endpoint, from PRODUCT.md's table of roles.
/// A page added to the app without a row here fails the matrix test: deciding who may open it is
/// part of adding it.
/// </summary>
public static class AccessMatrix
{
    /// <summary>Anyone, signed in or not.</summary>
    public static readonly IReadOnlySet<KaaryaRole?> Everyone = new HashSet<KaaryaRole?> { null, KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Mentor, KaaryaRole.Survivor, KaaryaRole.Auditor };

    public static readonly IReadOnlySet<KaaryaRole?> SignedIn = new HashSet<KaaryaRole?> { KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Mentor, KaaryaRole.Survivor, KaaryaRole.Auditor };

    public static IReadOnlyDictionary<string, IReadOnlySet<KaaryaRole?>> Expected { get; } = new Dictionary<string, IReadOnlySet<KaaryaRole?>>
    {
        ["GET /"] = SignedIn,
        ["GET /dashboard"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager),
        ["GET /participants"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager),
        ["GET /businesses"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Mentor, KaaryaRole.Auditor),
        ["GET /ledger"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Auditor),
        ["GET /decisions"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Auditor),
        ["GET /reports"] = Roles(KaaryaRole.ProgrammeManager, KaaryaRole.Auditor),
        ["GET /businesses/{Id:guid}"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager, KaaryaRole.Mentor, KaaryaRole.Auditor),
        ["GET /businesses/{Id:guid}/review"] = Roles(KaaryaRole.Mentor),
        ["GET /approvals"] = Roles(KaaryaRole.ProgrammeManager),
        ["GET /audit"] = Roles(KaaryaRole.ProgrammeManager),
        // Importing registers posts past payments as approved: the programme manager's to vouch for (decision 0014).
        ["GET /import"] = Roles(KaaryaRole.ProgrammeManager),
        ["GET /import/template.xlsx"] = Roles(KaaryaRole.ProgrammeManager),
        // Adding accounts, new passwords, deactivation: only the programme manager manages users (PRODUCT.md).
        ["GET /users"] = Roles(KaaryaRole.ProgrammeManager),
        ["GET /setup"] = Roles(KaaryaRole.ProgrammeManager),
        ["GET /caseloads"] = Roles(KaaryaRole.ProgrammeManager),
        ["GET /participants/{Id:guid}"] = Roles(KaaryaRole.Staff, KaaryaRole.ProgrammeManager),
        ["GET /my-business"] = Roles(KaaryaRole.Survivor),
        ["GET /my-business/print"] = Roles(KaaryaRole.Survivor),
        ["GET /account/login"] = Everyone,
        ["GET /account/denied"] = Everyone,
        ["GET /not-found"] = Everyone,
        ["GET /Error"] = Everyone,
        ["POST /account/logout"] = SignedIn,
        ["POST /account/language"] = SignedIn,
        ["GET /exports/ledger.xlsx"] = Roles(KaaryaRole.ProgrammeManager, KaaryaRole.Auditor),
        ["GET /healthz"] = Everyone,
        ["GET /readyz"] = Everyone,
    };

    /// <summary>
    /// Endpoints that are not pages: a file to download, a health probe for a load balancer. Tests
    /// that open every page in a browser skip them; what they answer is tested where it is made
    /// (Kaarya.Tests/Exports, Kaarya.Tests/Operations).
    /// </summary>
    public static readonly IReadOnlySet<string> NotPages = new HashSet<string> { "GET /exports/ledger.xlsx", "GET /import/template.xlsx", "GET /healthz", "GET /readyz" };

    /// <summary>A demo user of each role (seed-data/users.json), all with the demo password.</summary>
    public static IReadOnlyDictionary<KaaryaRole, string> DemoUsers { get; } = new Dictionary<KaaryaRole, string>
    {
        [KaaryaRole.Staff] = "staff.rina",
        [KaaryaRole.ProgrammeManager] = "manager.sutapa",
        [KaaryaRole.Mentor] = "mentor.bina",
        [KaaryaRole.Survivor] = "kaa-01",
        [KaaryaRole.Auditor] = "auditor.kp",
    };

    public const string DemoPassword = "kaarya-demo-2013";

    private static HashSet<KaaryaRole?> Roles(params KaaryaRole[] roles) => roles.Select(r => (KaaryaRole?)r).ToHashSet();
}
