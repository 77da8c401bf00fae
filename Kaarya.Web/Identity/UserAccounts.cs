using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Identity;

/// <summary>Whether someone can sign in: deactivated by the manager, locked for a while after wrong passwords, or neither.</summary>
public enum AccountState
{
    Active = 1,
    Locked = 2,
    Deactivated = 3,
}

/// <summary>One account as the Users page lists it: a survivor by her participant code, never her name.</summary>
public sealed record UserAccountRow(string UserName, string DisplayName, KaaryaRole? Role, string? ParticipantCode, AccountState State);

/// <summary>
/// The people who sign in, managed by the programme manager: adding an account, setting a new
/// password, deactivating and reactivating. The rules are <see cref="UserAccountRules"/>'s; each
/// change and its audit entry commit together or not at all, and no password is ever written to the log.
/// Identity's stores keep a tracked context, and a circuit lives for hours, so every operation
/// gets a scope (and so a context) of its own.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>A lockout that ends this late is a deactivation, not the short lock after wrong passwords.</summary>
    public static readonly DateTimeOffset DeactivatedUntil = DateTimeOffset.MaxValue;

    private static readonly DateTimeOffset DeactivatedFrom = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly NewUserInputValidator NewUserValidator = new();
    private static readonly NewPasswordInputValidator NewPasswordValidator = new();

    public static bool IsDeactivation(DateTimeOffset? lockoutEnd) => lockoutEnd >= DeactivatedFrom;

    /// <summary>Whether the database has any user at all: on a fresh install it has none.</summary>
    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KaaryaDbContext>().Users.AnyAsync(cancellationToken);
    }

    /// <summary>Every account, by user name. Only the programme manager reads this list.</summary>
    public async Task<IReadOnlyList<UserAccountRow>> ListAsync(Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("manage users");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaaryaDbContext>();
        var accounts = await db.Users.AsNoTracking()
            .Select(u => new { u.UserName, u.DisplayName, u.ParticipantId, u.LockoutEnd, Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var own = accounts.Where(a => a.ParticipantId is not null).Select(a => a.ParticipantId!.Value).ToList();

        // Only the code is read: her name never leaves the database for this page.
        var codes = await db.Participants.AsNoTracking().Where(p => own.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToDictionaryAsync(p => p.Id, p => p.Code.Value, cancellationToken);
        var now = clock.GetUtcNow();
        return accounts
            .Select(a => new UserAccountRow(
                a.UserName ?? string.Empty,
                a.DisplayName,
                Enum.TryParse<KaaryaRole>(a.Role, out var role) ? role : null,
                a.ParticipantId is { } id ? codes.GetValueOrDefault(id) : null,
                StateOf(a.LockoutEnd, now)))
            .OrderBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first programme manager of a fresh install, created from the command line.</summary>
    public async Task<KaaryaUser> CreateFirstManagerAsync(string userName, string password)
    {
        Rule.Require(!await AnyUserAsync(), "users-exist", "This database already has users; a programme manager adds the next ones.");
        var name = Rule.RequiredText(userName, "The user name", TextLimits.UserId).ToLowerInvariant();
        return await CreateAsync(KaaryaDbContext.SystemUser, name, name, KaaryaRole.ProgrammeManager, password, participant: null, CancellationToken.None);
    }

    /// <summary>Adds a staff member, mentor, auditor or manager by name, as the load benchmark's harness does.</summary>
    public async Task<KaaryaUser> CreateAsync(Actor manager, string userName, string displayName, KaaryaRole role, string password, Guid? participantId)
    {
        UserAccountRules.MayAddUser(manager);
        UserAccountRules.SurvivorIsLinkedToHerRecord(role, participantId is not null);
        var name = Rule.RequiredText(userName, "The user name", TextLimits.UserId).ToLowerInvariant();
        var shown = Rule.RequiredText(displayName, "The display name", KaaryaUser.DisplayNameMaxLength);
        return await CreateAsync(manager.UserId, name, shown, role, password, participantId is { } id ? (id, null) : null, CancellationToken.None);
    }

    /// <summary>
    /// Adds someone from the Users page. A survivor's account is named by her participant code,
    /// which must be a participant's who has no account yet.
    /// </summary>
    public async Task<string> AddAsync(NewUserInput input, Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        UserAccountRules.MayAddUser(manager);
        InputCheck.Ensure(NewUserValidator, input);
        var role = input.Role!.Value;
        if (role != KaaryaRole.Survivor)
        {
            var user = await CreateAsync(manager.UserId, input.UserName.Trim().ToLowerInvariant(), input.DisplayName.Trim(), role, input.Password, participant: null, cancellationToken);
            return user.UserName!;
        }

        var code = ParticipantCode.Create(input.ParticipantCode);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KaaryaDbContext>();
            var participant = await db.Participants.AsNoTracking().Where(p => p.Code == code).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            Rule.Require(participant is not null, "unknown-participant-code", $"No participant has the code {code}.");
            var survivor = await CreateAsync(manager.UserId, UserAccountRules.SurvivorUserName(code), code.Value, role, input.Password, (participant!.Value, code), cancellationToken);
            return survivor.UserName!;
        }
    }

    /// <summary>Sets a new password for someone who lost hers; her open sessions end at their next check.</summary>
    public async Task ResetPasswordAsync(string userName, NewPasswordInput input, Actor manager, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        UserAccountRules.MayResetPassword(manager);
        InputCheck.Ensure(NewPasswordValidator, input);
        await ChangeAsync(userName, manager, AuditAction.PasswordReset, async (users, user) =>
        {
            // Removing and adding run in one transaction: a password Identity refuses leaves the old one in place.
            Succeed(await users.RemovePasswordAsync(user));
            Succeed(await users.AddPasswordAsync(user, input.Password));
            Succeed(await users.ResetAccessFailedCountAsync(user));
            return ($"Set a new password for {user.UserName}", []);
        }, cancellationToken);
    }

    /// <summary>She can no longer sign in, and her open sessions end at their next check; nothing she recorded changes.</summary>
    public Task DeactivateAsync(string userName, Actor manager, CancellationToken cancellationToken = default)
    {
        UserAccountRules.MayChangeAccess(manager, userName, deactivating: true);
        return ChangeAsync(userName, manager, AuditAction.UserDeactivated, async (users, user) =>
        {
            var before = State(user.LockoutEnd);
            Succeed(await users.SetLockoutEnabledAsync(user, true));
            Succeed(await users.SetLockoutEndDateAsync(user, DeactivatedUntil));
            Succeed(await users.UpdateSecurityStampAsync(user));
            return ($"Deactivated {user.UserName}", [new FieldChange("Access", before, nameof(AccountState.Deactivated))]);
        }, cancellationToken);
    }

    /// <summary>She can sign in again with her password; a lock after wrong passwords is lifted too.</summary>
    public Task ReactivateAsync(string userName, Actor manager, CancellationToken cancellationToken = default)
    {
        UserAccountRules.MayChangeAccess(manager, userName, deactivating: false);
        return ChangeAsync(userName, manager, AuditAction.UserReactivated, async (users, user) =>
        {
            var before = State(user.LockoutEnd);
            Succeed(await users.SetLockoutEndDateAsync(user, null));
            Succeed(await users.ResetAccessFailedCountAsync(user));
            return ($"Reactivated {user.UserName}", [new FieldChange("Access", before, nameof(AccountState.Active))]);
        }, cancellationToken);
    }

    private static AccountState StateOf(DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        IsDeactivation(lockoutEnd) ? AccountState.Deactivated : lockoutEnd > now ? AccountState.Locked : AccountState.Active;

    private string State(DateTimeOffset? lockoutEnd) => StateOf(lockoutEnd, clock.GetUtcNow()).ToString();

    private async Task<KaaryaUser> CreateAsync(string by, string userName, string displayName, KaaryaRole role, string password, (Guid Id, ParticipantCode? Code)? participant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaaryaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        if (participant is { Code: { } code } own)
        {
            UserAccountRules.OneAccountPerParticipant(code, await db.Users.AnyAsync(u => u.ParticipantId == own.Id, cancellationToken));
        }

        UserAccountRules.UserNameIsFree(userName, await users.FindByNameAsync(userName) is not null);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new KaaryaUser
        {
            UserName = userName,
            DisplayName = displayName,
            ParticipantId = role == KaaryaRole.Survivor ? participant?.Id : null,
        };
        Succeed(await users.CreateAsync(user, password));
        Succeed(await users.AddToRoleAsync(user, role.ToString()));
        List<FieldChange> changes = [new("Role", null, role.ToString()), new("DisplayName", null, displayName)];
        if (participant?.Code is { } linked)
        {
            changes.Add(new FieldChange("Participant", null, linked.Value));
        }

        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), by, AuditAction.UserCreated, "User", userName, $"Added {userName} as {role}", changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    private async Task ChangeAsync(string userName, Actor manager, AuditAction action, Func<UserManager<KaaryaUser>, KaaryaUser, Task<(string Summary, List<FieldChange> Changes)>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaaryaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        var user = await users.FindByNameAsync(userName ?? string.Empty);
        Rule.Require(user is not null, "no-user", "That account does not exist.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (summary, changes) = await change(users, user!);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), manager.UserId, action, "User", user!.UserName!, summary, changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Succeed(IdentityResult result) =>
        Rule.Require(result.Succeeded, "user-refused", $"{string.Join(" ", result.Errors.Select(e => e.Description))}");
}
