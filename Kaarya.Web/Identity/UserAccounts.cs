using Kaarya.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Kaarya.Web.Identity;

/// <summary>Creates the people who sign in. Only a programme manager manages users, except the very first one.</summary>
public sealed class UserAccounts(UserManager<KaaryaUser> users)
{
    /// <summary>Whether the database has any user at all: on a fresh install it has none.</summary>
    public bool AnyUser() => users.Users.Any();

    /// <summary>The first programme manager of a fresh install, created from the command line.</summary>
    public async Task<KaaryaUser> CreateFirstManagerAsync(string userName, string password)
    {
        Rule.Require(!AnyUser(), "users-exist", "This database already has users; a programme manager adds the next ones.");
        return await CreateAsync(userName, userName, KaaryaRole.ProgrammeManager, password, participantId: null);
    }

    public async Task<KaaryaUser> CreateAsync(Actor manager, string userName, string displayName, KaaryaRole role, string password, Guid? participantId)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("add a user");
        return await CreateAsync(userName, displayName, role, password, participantId);
    }

    private async Task<KaaryaUser> CreateAsync(string userName, string displayName, KaaryaRole role, string password, Guid? participantId)
    {
        Rule.Require(role != KaaryaRole.Survivor || participantId is not null, "survivor-without-record", "A survivor's account must be linked to her participant record.");
        var user = new KaaryaUser
        {
            UserName = Rule.RequiredText(userName, "The user name", TextLimits.UserId).ToLowerInvariant(),
            DisplayName = Rule.RequiredText(displayName, "The display name", KaaryaUser.DisplayNameMaxLength),
            ParticipantId = role == KaaryaRole.Survivor ? participantId : null,
        };
        Succeed(await users.CreateAsync(user, password));
        Succeed(await users.AddToRoleAsync(user, role.ToString()));
        return user;
    }

    private static void Succeed(IdentityResult result) =>
        Rule.Require(result.Succeeded, "user-refused", $"{string.Join(" ", result.Errors.Select(e => e.Description))}");
}
