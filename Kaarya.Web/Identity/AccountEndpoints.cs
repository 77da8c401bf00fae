using Kaarya.Web.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kaarya.Web.Identity;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form post (antiforgery-checked), so a link elsewhere cannot sign her out.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");
        account.MapPost("/logout", async (
            HttpContext context,
            [FromServices] SignInManager<KaaryaUser> signIn,
            [FromServices] AuditTrail audit,
            [FromForm] string? reason) =>
        {
            var who = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (who is not null)
            {
                var why = reason switch
                {
                    "idle" => "Signed out after inactivity",
                    "hide" => "Signed out by quick-hide",
                    _ => "Signed out",
                };
                await audit.RecordAsync(who, AuditAction.SignedOut, "User", who, why);
            }

            return TypedResults.LocalRedirect(reason switch
            {
                "idle" => "~/account/login?idle=1",
                "hide" => "~/calm.html",
                _ => "~/account/login",
            });
        }).RequireAuthorization(Policies.SignedIn);

        // Her language, remembered on her account and in the culture cookie; the page she was on comes back in it.
        account.MapPost("/language", async (
            HttpContext context,
            [FromServices] UserManager<KaaryaUser> users,
            [FromForm] string? culture,
            [FromForm] string? returnUrl) =>
        {
            if (!LanguageChoice.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            if (await users.GetUserAsync(context.User) is { } user)
            {
                user.PreferredCulture = culture;
                await users.UpdateAsync(user);
            }

            LanguageChoice.Remember(context, culture!);
            return Results.LocalRedirect(AccountSignIn.SafeReturnUrl(returnUrl));
        }).RequireAuthorization(Policies.SignedIn);
        return account;
    }
}
