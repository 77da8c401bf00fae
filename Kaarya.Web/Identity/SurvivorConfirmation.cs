using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Identity;

/// <summary>
/// Her own confirm step on someone else's device. After a review, her mentor hands her the phone
/// and she types her own password; only then can she acknowledge the review as herself. This does
/// not sign her in and changes nothing on the mentor's session: it only answers "is this she?",
/// with the same lockout as signing in (wrong passwords count towards it), and audits every try.
/// </summary>
public sealed class SurvivorConfirmation(IServiceScopeFactory scopes, AuditTrail audit, SignInOptions options)
{
    /// <summary>
    /// Returns the survivor, as the <see cref="Viewer"/> her acknowledgement is made by, when
    /// <paramref name="password"/> is hers. <paramref name="presentedBy"/> is the person whose
    /// device it is; she must be someone who may open the survivor's record (her mentor).
    /// A wrong password, a locked account or no account is refused with a plain sentence.
    /// </summary>
    public async Task<Viewer> ConfirmAsync(Guid participantId, string? password, Viewer presentedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentedBy);
        if (!RecordAccess.MayOpenParticipant(presentedBy, participantId))
        {
            await audit.RecordAsync(presentedBy.UserId, AuditAction.AccessRefused, "Participant", participantId.ToString(),
                $"Refused: a confirm step for a survivor who is not {presentedBy.UserId}'s to open", cancellationToken);
            throw new AccessDeniedException();
        }

        // Identity's stores hold a tracked context; a circuit lives for hours, so each confirm step
        // gets a fresh scope and reads the account (and its lockout) as it is now.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        var user = await users.Users.FirstOrDefaultAsync(u => u.ParticipantId == participantId, cancellationToken);
        Rule.Require(user is not null, "no-own-account",
            "She has no account of her own yet, so she cannot confirm here. Staff can create one for her.");
        var name = user!.UserName!;
        var device = $"on {presentedBy.UserId}'s device";

        if (await users.IsLockedOutAsync(user))
        {
            var deactivated = UserAccounts.IsDeactivation(user.LockoutEnd);
            await audit.RecordAsync(name, AuditAction.LockedOut, "User", name,
                $"Confirm step refused {device}: the account is {(deactivated ? "deactivated" : "locked")}", cancellationToken);
            throw deactivated
                ? new DomainException("confirm-deactivated", "Her account has been deactivated, so she cannot confirm here. The programme manager can reactivate it.")
                : Locked();
        }

        if (!await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            await users.AccessFailedAsync(user);
            var nowLocked = await users.IsLockedOutAsync(user);
            await audit.RecordAsync(name, nowLocked ? AuditAction.LockedOut : AuditAction.SignInFailed, "User", name,
                nowLocked ? $"Wrong password at her confirm step {device}; the account is now locked" : $"Wrong password at her confirm step {device}",
                cancellationToken);
            throw nowLocked ? Locked() : new DomainException("confirm-wrong-password", "That password is not right. Please try again.");
        }

        await users.ResetAccessFailedCountAsync(user);
        return new Viewer(new Actor(name, KaaryaRole.Survivor), participantId, new HashSet<Guid>());
    }

    private DomainException Locked() => new("confirm-locked",
        $"Her account is locked for {options.LockoutMinutes} minutes after too many wrong passwords. Please try again later.");
}
