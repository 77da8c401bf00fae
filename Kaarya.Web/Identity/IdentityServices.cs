using Kaarya.Domain.Access;
using Kaarya.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Kaarya.Web.Identity;

/// <summary>The <c>Identity</c> section of configuration.</summary>
public sealed class SignInOptions
{
    public const string Section = "Identity";

    /// <summary>Minutes without activity after which she is signed out. Default 30.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Wrong passwords in a row before the account is locked. Default 5.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;
}

public static class IdentityServices
{
    /// <summary>ASP.NET Core Identity on the programme's database, cookie sign-in, the five roles and their policies.</summary>
    public static IServiceCollection AddKaaryaIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        services.AddSingleton(signIn);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CurrentViewer>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(cookie =>
            {
                cookie.LoginPath = "/account/login";
                cookie.LogoutPath = "/account/logout";
                cookie.AccessDeniedPath = "/account/denied";
                cookie.Cookie.Name = "kaarya.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(signIn.IdleTimeoutMinutes);
                cookie.SlidingExpiration = true;
            }));

        services.AddIdentityCore<KaaryaUser>(options => ConfigureAccounts(options, signIn))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KaaryaDbContext>()
            .AddClaimsPrincipalFactory<KaaryaClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Identity's stores need a scoped context; the rest of the app uses the factory.
        services.AddScoped(provider => provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<KaaryaDbContext>>().CreateDbContext());

        // Sign-in cookies and antiforgery tokens are protected with keys every instance must share:
        // they live in the database, not in one machine's folder.
        services.AddDataProtection().SetApplicationName("Kaarya").PersistKeysToDbContext<KaaryaDbContext>();

        services.AddAuthorization(Policies.Add);
        services.AddScoped<AccountSignIn>();
        return services;
    }

    /// <summary>User names, passwords and lockout: the same wherever accounts are checked (sign-in, her confirm step).</summary>
    public static void ConfigureAccounts(IdentityOptions options, SignInOptions signIn)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signIn);
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = UserAccountRules.UserNameCharacters;
        options.Password.RequiredLength = UserAccountRules.PasswordMinLength;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = UserAccountRules.PasswordDistinctCharacters;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = signIn.MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(signIn.LockoutMinutes);
        options.SignIn.RequireConfirmedAccount = false;
    }
}
