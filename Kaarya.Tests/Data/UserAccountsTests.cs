using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Tests.Security;
using Kaarya.Web.Auditing;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Data;

/// <summary>
/// The programme manager manages who signs in, on the demo programme: adding staff and survivors,
/// a new password, deactivating and reactivating; every change audited, no password in the log,
/// nothing stored when a rule refuses.
/// </summary>
public abstract class UserAccountsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string NewPassword = "seed-fund-2014";

    private static readonly Actor Manager = new("manager.sutapa", KaaryaRole.ProgrammeManager);

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private UserAccounts Accounts => new(_services.GetRequiredService<IServiceScopeFactory>(), _database.Clock);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoDataLoader(_database, new DatabaseOptions()).LoadIfEmptyAsync(Cancel);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => _database.CreateDbContext());
        services.AddIdentityCore<KaaryaUser>(options => IdentityServices.ConfigureAccounts(options, new Kaarya.Web.Identity.SignInOptions()))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KaaryaDbContext>();
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        // Null when the database could not be made (PostgreSQL not configured: the test is skipped).
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_staff_member_added_by_the_manager_signs_in_with_her_password_and_the_log_says_who_added_her_without_the_password()
    {
        var added = await Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Staff, UserName = " Staff.Laboni ", DisplayName = "Laboni (GGBK social worker)", Password = NewPassword }, Manager, Cancel);

        Assert.Equal("staff.laboni", added);
        var (user, roles) = await FindAsync("staff.laboni");
        Assert.Equal("Laboni (GGBK social worker)", user.DisplayName);
        Assert.Equal([nameof(KaaryaRole.Staff)], roles);
        Assert.Null(user.ParticipantId);
        Assert.True(await PasswordIsAsync("staff.laboni", NewPassword));
        var entry = Assert.Single(await AuditAsync(AuditAction.UserCreated));
        Assert.Equal(("manager.sutapa", "User", "staff.laboni"), (entry.UserId, entry.RecordType, entry.RecordId));
        Assert.Contains(entry.Changes, c => c is { Field: "Role", New: "Staff" });
        Assert.DoesNotContain(NewPassword, Logged(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_survivors_account_is_named_by_her_code_and_opens_her_own_record_only()
    {
        var added = await Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Survivor, ParticipantCode = "kaa-05", Password = NewPassword }, Manager, Cancel);

        Assert.Equal("kaa-05", added);
        var (user, roles) = await FindAsync("kaa-05");
        Assert.Equal("KAA-05", user.DisplayName);
        Assert.Equal([nameof(KaaryaRole.Survivor)], roles);
        Assert.Equal(await ParticipantIdAsync("KAA-05"), user.ParticipantId);
        var entry = Assert.Single(await AuditAsync(AuditAction.UserCreated));
        Assert.Contains(entry.Changes, c => c is { Field: "Participant", New: "KAA-05" });
        Assert.DoesNotContain(await GivenNameAsync("KAA-05"), Logged(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_survivor_with_a_code_no_participant_has_is_refused_and_nothing_is_stored()
    {
        var before = await UserCountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Survivor, ParticipantCode = "KAA-99", Password = NewPassword }, Manager, Cancel));

        Assert.Equal("unknown-participant-code", refused.Code);
        Assert.Equal("No participant has the code KAA-99.", refused.Message);
        Assert.Equal(before, await UserCountAsync());
        Assert.Empty(await AuditAsync(AuditAction.UserCreated));
    }

    [Fact]
    public async Task A_participant_has_one_account_only()
    {
        var before = await UserCountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Survivor, ParticipantCode = "KAA-01", Password = NewPassword }, Manager, Cancel));

        Assert.Equal("participant-has-account", refused.Code);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_user_name_someone_already_has_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Auditor, UserName = "staff.rina", DisplayName = "Another Rina", Password = NewPassword }, Manager, Cancel));

        Assert.Equal("user-name-taken", refused.Code);
        Assert.Equal("Rina (GGBK social worker)", (await FindAsync("staff.rina")).User.DisplayName);
    }

    [Theory]
    [InlineData("short-1", "A password has at least 10 characters.")]
    [InlineData("no-digits-here", "A password needs at least one digit.")]
    [InlineData("1212121212", "A password needs at least one small letter.")]
    public async Task A_password_outside_the_policy_is_refused_and_no_account_is_made(string password, string said)
    {
        var before = await UserCountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Mentor, UserName = "mentor.tania", DisplayName = "Tania (mentor)", Password = password }, Manager, Cancel));

        Assert.Equal("input-invalid", refused.Code);
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Only_a_programme_manager_adds_resets_deactivates_or_lists_accounts()
    {
        var staff = new Actor("staff.rina", KaaryaRole.Staff);

        var refusals = new[]
        {
            await Assert.ThrowsAsync<DomainException>(() => Accounts.AddAsync(new NewUserInput { Role = KaaryaRole.Staff, UserName = "staff.new", DisplayName = "New", Password = NewPassword }, staff, Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => Accounts.ResetPasswordAsync("staff.mousumi", new NewPasswordInput { Password = NewPassword }, staff, Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => Accounts.DeactivateAsync("staff.mousumi", staff, Cancel)),
            await Assert.ThrowsAsync<DomainException>(() => Accounts.ListAsync(staff, Cancel)),
        };

        Assert.All(refusals, r => Assert.Equal("not-manager", r.Code));
        Assert.True(await PasswordIsAsync("staff.mousumi", AccessMatrix.DemoPassword));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "staff.new", Cancel));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_until_it_is_reactivated_and_both_are_audited()
    {
        await Accounts.DeactivateAsync("staff.mousumi", Manager, Cancel);

        Assert.True(await LockedOutAsync("staff.mousumi"));
        Assert.Equal(AccountState.Deactivated, (await RowAsync("staff.mousumi")).State);

        await Accounts.ReactivateAsync("staff.mousumi", Manager, Cancel);

        Assert.False(await LockedOutAsync("staff.mousumi"));
        Assert.Equal(AccountState.Active, (await RowAsync("staff.mousumi")).State);
        var deactivated = Assert.Single(await AuditAsync(AuditAction.UserDeactivated));
        var reactivated = Assert.Single(await AuditAsync(AuditAction.UserReactivated));
        Assert.Equal(("manager.sutapa", "staff.mousumi"), (deactivated.UserId, deactivated.RecordId));
        Assert.Contains(deactivated.Changes, c => c is { Field: "Access", Old: "Active", New: "Deactivated" });
        Assert.Contains(reactivated.Changes, c => c is { Field: "Access", Old: "Deactivated", New: "Active" });
    }

    [Fact]
    public async Task A_manager_cannot_deactivate_herself()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Accounts.DeactivateAsync("manager.sutapa", Manager, Cancel));

        Assert.Equal("deactivate-self", refused.Code);
        Assert.False(await LockedOutAsync("manager.sutapa"));
        Assert.Empty(await AuditAsync(AuditAction.UserDeactivated));
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one_and_the_log_records_it_without_either()
    {
        await Accounts.ResetPasswordAsync("staff.mousumi", new NewPasswordInput { Password = NewPassword }, Manager, Cancel);

        Assert.True(await PasswordIsAsync("staff.mousumi", NewPassword));
        Assert.False(await PasswordIsAsync("staff.mousumi", AccessMatrix.DemoPassword));
        var entry = Assert.Single(await AuditAsync(AuditAction.PasswordReset));
        Assert.Equal(("manager.sutapa", "staff.mousumi"), (entry.UserId, entry.RecordId));
        Assert.DoesNotContain(NewPassword, Logged(entry), StringComparison.Ordinal);
        Assert.DoesNotContain(AccessMatrix.DemoPassword, Logged(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_new_password_leaves_the_old_one_in_place()
    {
        await Assert.ThrowsAsync<DomainException>(() => Accounts.ResetPasswordAsync("staff.mousumi", new NewPasswordInput { Password = "short" }, Manager, Cancel));

        Assert.True(await PasswordIsAsync("staff.mousumi", AccessMatrix.DemoPassword));
        Assert.Empty(await AuditAsync(AuditAction.PasswordReset));
    }

    [Fact]
    public async Task The_list_names_every_account_with_its_role_and_a_survivor_by_her_code_never_her_name()
    {
        var rows = await Accounts.ListAsync(Manager, Cancel);

        Assert.Equal(rows.Select(r => r.UserName).Order(StringComparer.Ordinal), rows.Select(r => r.UserName));
        Assert.Contains(rows, r => r is { UserName: "staff.rina", Role: KaaryaRole.Staff, ParticipantCode: null, State: AccountState.Active });
        var herself = Assert.Single(rows, r => r.UserName == "kaa-01");
        Assert.Equal((KaaryaRole?)KaaryaRole.Survivor, herself.Role);
        Assert.Equal("KAA-01", herself.ParticipantCode);
        var name = await GivenNameAsync("KAA-01");
        Assert.DoesNotContain(rows, r => r.ToString().Contains(name, StringComparison.Ordinal));
    }

    private static string Logged(AuditEntry entry) =>
        string.Join(" ", new[] { entry.Summary, entry.RecordId }.Concat(entry.Changes.SelectMany(c => new[] { c.Field, c.Old, c.New })));

    private async Task<UserAccountRow> RowAsync(string userName) => (await Accounts.ListAsync(Manager, Cancel)).Single(r => r.UserName == userName);

    private async Task<(KaaryaUser User, IList<string> Roles)> FindAsync(string userName)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        return (user, await users.GetRolesAsync(user));
    }

    private async Task<bool> PasswordIsAsync(string userName, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }

    private async Task<bool> LockedOutAsync(string userName)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        return await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!);
    }

    private async Task<int> UserCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.CountAsync(Cancel);
    }

    private async Task<List<AuditEntry>> AuditAsync(AuditAction action)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).ToListAsync(Cancel);
    }

    private async Task<Guid> ParticipantIdAsync(string code)
    {
        await using var db = _database.CreateDbContext();
        var wanted = ParticipantCode.Create(code);
        return await db.Participants.Where(p => p.Code == wanted).Select(p => p.Id).SingleAsync(Cancel);
    }

    private async Task<string> GivenNameAsync(string code)
    {
        await using var db = _database.CreateDbContext();
        var wanted = ParticipantCode.Create(code);
        return await db.Participants.Where(p => p.Code == wanted).Select(p => p.GivenName).SingleAsync(Cancel);
    }

    public sealed class OnSqlite() : UserAccountsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : UserAccountsTests(DatabaseProvider.Postgres);
}
