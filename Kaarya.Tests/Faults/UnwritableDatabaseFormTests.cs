using System.Globalization;
using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Tests.Components;
using Kaarya.Web.Components.Pages.Businesses.Plans;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Faults;

/// <summary>What staff see when the database takes no writes: a sentence beside the form, in her language, and her text still there.</summary>
public sealed class UnwritableDatabaseFormTests : KaaryaComponentTest
{
    [Theory]
    [InlineData("en-IN", "Nothing was saved, and what you entered is still here. Please tell the administrator.")]
    [InlineData("bn-IN", "কিছুই সেভ হয়নি, আর আপনি যা লিখেছেন তা এখানেই আছে। দয়া করে অ্যাডমিনিস্ট্রেটরকে জানান।")]
    public async Task A_plan_saved_to_a_read_only_database_is_refused_in_plain_words_and_her_text_stays(string culture, string sentence)
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var readOnly = await UnwritableDatabase.ReadOnlyAsync(Database);
        Services.AddSingleton<IDbContextFactory<KaaryaDbContext>>(readOnly);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var latest = await LatestPlanAsync();
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));
        await form.Find("[data-testid=plan-products]").ChangeAsync(new() { Value = "Petticoats and blouses, stitched to order" });

        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains(sentence, form.Find("[data-testid=plan-refusal]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Petticoats and blouses, stitched to order", form.Find("[data-testid=plan-form]").InnerHtml, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Equal(latest.Version, await db.BusinessPlans.CountAsync(p => p.BusinessId == latest.BusinessId, Cancel));
    }

    private async Task<Kaarya.Domain.Plans.BusinessPlan> LatestPlanAsync()
    {
        await using var db = Database.CreateDbContext();
        var latest = await db.BusinessPlans.AsNoTracking().OrderByDescending(p => p.Version).ThenBy(p => p.DraftedOn).FirstAsync(Cancel);
        Database.Clock.SetUtcNow(new DateTimeOffset(latest.DraftedOn.AddDays(30).ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        return latest;
    }
}
