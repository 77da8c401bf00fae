using Kaarya.Web.Auditing;
using Microsoft.AspNetCore.Identity;

namespace Kaarya.Web.Identity;

public enum SignInOutcome
{
    SignedIn = 1,
    Failed = 2,
    LockedOut = 3,

    /// <summary>The programme manager deactivated the account: no password opens it until she reactivates it.</summary>
    Deactivated = 4,
}

/// <summary>Signs a person in with her password, locks the account after repeated failures, and audits every attempt.</summary>
public sealed class AccountSignIn(SignInManager<KaaryaUser> signIn, UserManager<KaaryaUser> users, AuditTrail audit, SignInOptions options)
{
    public const string UnknownAccount = "anonymous";

    public int LockoutMinutes => options.LockoutMinutes;

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password)
    {
        var name = (userName ?? string.Empty).Trim().ToLowerInvariant();
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        if (user is null)
        {
            // The typed name is not kept: it could be anyone's, even a survivor's real name.
            await audit.RecordAsync(UnknownAccount, AuditAction.SignInFailed, "User", UnknownAccount, "Sign-in to an account that does not exist");
            return SignInOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(name, AuditAction.SignedIn, "User", name, "Signed in");
            LanguageChoice.Remember(signIn.Context, LanguageChoice.For(user, await users.GetRolesAsync(user)));
            return SignInOutcome.SignedIn;
        }

        if (result.IsLockedOut && UserAccounts.IsDeactivation(user.LockoutEnd))
        {
            await audit.RecordAsync(name, AuditAction.LockedOut, "User", name, "Sign-in refused: the account is deactivated");
            return SignInOutcome.Deactivated;
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(name, AuditAction.LockedOut, "User", name, $"Sign-in refused: the account is locked for {options.LockoutMinutes} minutes after {options.MaxFailedAttempts} wrong passwords");
            return SignInOutcome.LockedOut;
        }

        await audit.RecordAsync(name, AuditAction.SignInFailed, "User", name, "Wrong password");
        return SignInOutcome.Failed;
    }

    /// <summary>Only a path inside Kaarya: a crafted link cannot send her elsewhere after signing in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
