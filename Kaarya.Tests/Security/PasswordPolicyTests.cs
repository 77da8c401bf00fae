using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Security;

/// <summary>
/// The Users page's form says a password's faults at the field, in the screen's language, before
/// Identity is asked: that only works while the form's rules and Identity's are the same policy.
/// </summary>
public sealed class PasswordPolicyTests
{
    public static TheoryData<string> Passwords =>
    [
        "kaarya-demo-2013", "seed-fund-2014", "short-1", "no-digits-here", "1212121212", "ABCDEFGHIJ12", "aaaaaaaaa1", "ab1ab1ab1ab1", "abc1abc1abc1", "  spaces 1a  ", "কাজকাজকাজকাজ1a",
    ];

    [Theory]
    [MemberData(nameof(Passwords))]
    public async Task The_forms_password_rules_accept_exactly_what_Identity_accepts(string password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => new KaaryaDbContext(new DbContextOptionsBuilder<KaaryaDbContext>().UseSqlite("Data Source=:memory:").Options));
        services.AddIdentityCore<KaaryaUser>(options => IdentityServices.ConfigureAccounts(options, new Kaarya.Web.Identity.SignInOptions()))
            .AddEntityFrameworkStores<KaaryaDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaaryaUser>>();
        var identity = new PasswordValidator<KaaryaUser>();

        var byIdentity = await identity.ValidateAsync(users, new KaaryaUser { UserName = "someone" }, password);
        var byForm = new NewUserInputValidator().Validate(new NewUserInput { Role = KaaryaRole.Staff, UserName = "someone", DisplayName = "Someone", Password = password });

        Assert.Equal(byIdentity.Succeeded, byForm.IsValid);
    }

    [Fact]
    public void A_survivor_is_added_by_her_code_and_a_password_alone()
    {
        var result = new NewUserInputValidator().Validate(new NewUserInput { Role = KaaryaRole.Survivor, ParticipantCode = "KAA-05", Password = "seed-fund-2014" });

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("staff rina")]
    [InlineData("রিনা")]
    [InlineData("staff@rina")]
    public void A_user_name_Identity_would_refuse_is_refused_at_the_field(string userName)
    {
        var result = new NewUserInputValidator().Validate(new NewUserInput { Role = KaaryaRole.Staff, UserName = userName, DisplayName = "Rina", Password = "seed-fund-2014" });

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(NewUserInput.UserName));
    }
}
