using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaarya.Web.Identity;

/// <summary>Adds the survivor's own participant id to her sign-in, for "her own record" checks.</summary>
public sealed class KaaryaClaimsFactory(UserManager<KaaryaUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KaaryaUser, IdentityRole>(users, roles, options)
{
    public const string ParticipantClaim = "kaarya:participant";
    public const string DisplayNameClaim = "kaarya:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KaaryaUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName));
        if (user.ParticipantId is { } participant)
        {
            identity.AddClaim(new Claim(ParticipantClaim, participant.ToString()));
        }

        return identity;
    }
}
