using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;

namespace Kaarya.Domain.Access;

/// <summary>
/// Who signs in, and the rules for managing that: only a programme manager adds, resets,
/// deactivates or reactivates an account; a survivor's account is linked to her participant record
/// and named by her code (never her name); one account per participant; a manager cannot shut
/// herself out.
/// </summary>
public static class UserAccountRules
{
    /// <summary>The characters a user name may hold; Identity checks the same set.</summary>
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_";

    public const int PasswordMinLength = 10;

    public const int PasswordDistinctCharacters = 4;

    public static bool IsUserName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().ToLowerInvariant().All(c => UserNameCharacters.Contains(c, StringComparison.Ordinal));

    public static bool HasDigit(string? password) => password?.Any(char.IsAsciiDigit) == true;

    public static bool HasLowerCaseLetter(string? password) => password?.Any(char.IsAsciiLetterLower) == true;

    public static bool HasDistinctCharacters(string? password) => (password ?? string.Empty).Distinct().Count() >= PasswordDistinctCharacters;

    /// <summary>A survivor signs in with her code: her account's name says nothing more about her.</summary>
    public static string SurvivorUserName(ParticipantCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Value.ToLowerInvariant();
    }

    public static void MayAddUser(Actor manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("add a user");
    }

    public static void MayResetPassword(Actor manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("reset a password");
    }

    public static void MayChangeAccess(Actor manager, string account, bool deactivating)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("deactivate or reactivate an account");
        Rule.Require(!deactivating || !string.Equals(manager.UserId, account, StringComparison.OrdinalIgnoreCase), "deactivate-self",
            "You cannot deactivate your own account: another programme manager can, if it must be done.");
    }

    public static void SurvivorIsLinkedToHerRecord(KaaryaRole role, bool linked) =>
        Rule.Require(role != KaaryaRole.Survivor || linked, "survivor-without-record", "A survivor's account must be linked to her participant record.");

    public static void OneAccountPerParticipant(ParticipantCode code, bool alreadyHasOne) =>
        Rule.Require(!alreadyHasOne, "participant-has-account", $"{code} already has an account; reset its password instead of adding another.");

    public static void UserNameIsFree(string userName, bool taken) =>
        Rule.Require(!taken, "user-name-taken", $"{userName} is already someone's user name.");
}
