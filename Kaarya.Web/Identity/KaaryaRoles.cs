using Kaarya.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Kaarya.Web.Identity;

/// <summary>The five roles as Identity stores them: one role per user, named as the domain names it.</summary>
public static class KaaryaRoles
{
    public const string Staff = nameof(KaaryaRole.Staff);
    public const string ProgrammeManager = nameof(KaaryaRole.ProgrammeManager);
    public const string Mentor = nameof(KaaryaRole.Mentor);
    public const string Survivor = nameof(KaaryaRole.Survivor);
    public const string Auditor = nameof(KaaryaRole.Auditor);

    /// <summary>The roles every database holds from its first migration, with fixed ids.</summary>
    public static IReadOnlyList<IdentityRole> Seeded { get; } =
        Enum.GetValues<KaaryaRole>().Select(role => new IdentityRole
        {
            Id = $"role-{role.ToString().ToLowerInvariant()}",
            Name = role.ToString(),
            NormalizedName = role.ToString().ToUpperInvariant(),
            ConcurrencyStamp = $"role-{(int)role}",
        }).ToList();
}
