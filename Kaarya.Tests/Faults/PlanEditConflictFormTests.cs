using System.Globalization;
using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Plans;
using Kaarya.Tests.Components;
using Kaarya.Web.Components.Forms;
using Kaarya.Web.Components.Pages.Businesses.Plans;
using Kaarya.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Faults;

/// <summary>
/// The plan form when someone else saved a version while it was open: a clear conflict in her
/// language, everything she typed still in the form (and in her draft), the newer version beside
/// hers, and a deliberate second save.
/// </summary>
public sealed class PlanEditConflictFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task The_second_to_save_is_told_who_saved_the_newer_version_and_keeps_what_she_typed()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var latest = await LatestPlanAsync();
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));
        await form.Find("[data-testid=plan-products]").ChangeAsync(new() { Value = "Petticoats and blouses, stitched to order" });

        await SaveMeanwhileAsync(latest, "staff.mousumi", "Rent a stall at the Baruipur haat");
        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        var conflict = form.WaitForElement("[data-testid=plan-conflict]");
        Assert.Contains($"staff.mousumi saved version {latest.Version + 1} of this plan at {Now()}", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing of yours was saved", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("Petticoats and blouses, stitched to order", form.Find("[data-testid=plan-form]").InnerHtml, StringComparison.Ordinal);
        Assert.Empty(JSInterop.Invocations["kaarya.drafts.clear"]);
        Assert.Equal(latest.Version + 1, await VersionCountAsync(latest.BusinessId));
    }

    [Fact]
    public async Task She_opens_the_newer_version_beside_hers_and_saves_hers_after_it_on_purpose()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var latest = await LatestPlanAsync();
        var nextStepsDraft = DraftStore.ForPlan(latest.BusinessId, nameof(PlanInput.NextSteps));
        JSInterop.Setup<string?>("kaarya.drafts.load", nextStepsDraft).SetResult("Typed while the connection was away");
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));
        await form.Find("[data-testid=plan-products]").ChangeAsync(new() { Value = "Petticoats and blouses, stitched to order" });
        await SaveMeanwhileAsync(latest, "staff.mousumi", "Rent a stall at the Baruipur haat");
        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        await form.WaitForElement("button[data-testid=plan-conflict-show]").ClickAsync(new());
        Assert.Contains("Rent a stall at the Baruipur haat", form.WaitForElement("[data-testid=plan-newer]").TextContent, StringComparison.Ordinal);
        await form.Find("button[data-testid=plan-conflict-save]").ClickAsync(new());

        var mine = await StoredAsync(db => db.BusinessPlans.SingleOrDefaultAsync(p => p.BusinessId == latest.BusinessId && p.Version == latest.Version + 2, Cancel));
        Assert.Equal("Petticoats and blouses, stitched to order", mine.ProductsAndServices);
        Assert.Equal("Typed while the connection was away", mine.NextSteps);
        Assert.Equal("staff.rina", mine.DraftedBy);
        form.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations["kaarya.drafts.clear"], i => Equals(i.Arguments[0], nextStepsDraft)));
    }

    [Fact]
    public async Task The_conflict_is_said_in_Bengali_on_a_Bengali_screen()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("bn-IN");
        SignInAs("staff.rina", KaaryaRole.Staff);
        var latest = await LatestPlanAsync();
        var form = RenderWithProviders<PlanForm>(p => p.Add(f => f.BusinessId, latest.BusinessId).Add(f => f.Latest, latest));
        await SaveMeanwhileAsync(latest, "staff.mousumi", "Rent a stall at the Baruipur haat");

        await form.Find("button[data-testid=plan-submit]").ClickAsync(new());

        var conflict = form.WaitForElement("[data-testid=plan-conflict]").TextContent;
        Assert.Contains($"{Now()}-এ staff.mousumi এই প্ল্যানের ভার্সন {latest.Version + 1} সেভ করেছেন", conflict, StringComparison.Ordinal);
        Assert.Contains("আপনার কিছুই সেভ হয়নি", conflict, StringComparison.Ordinal);
    }

    /// <summary>Another member of staff revises the same plan from the same version and saves first.</summary>
    private async Task SaveMeanwhileAsync(BusinessPlan from, string userName, string nextSteps)
    {
        var theirs = PlanInput.From(from, ProgrammeCalendar.Today(Database.Clock));
        theirs.NextSteps = nextSteps;
        await Services.GetRequiredService<PlanService>().SaveVersionAsync(theirs, new Actor(userName, KaaryaRole.Staff), Cancel);
    }

    private async Task<BusinessPlan> LatestPlanAsync()
    {
        await using var db = Database.CreateDbContext();
        var latest = await db.BusinessPlans.AsNoTracking().OrderByDescending(p => p.Version).ThenBy(p => p.DraftedOn).FirstAsync(Cancel);
        Database.Clock.SetUtcNow(new DateTimeOffset(latest.DraftedOn.AddDays(30).ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        return latest;
    }

    private string Now() => Database.Clock.GetUtcNow().ToOffset(ProgrammeCalendar.IndiaOffset).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    private async Task<int> VersionCountAsync(Guid businessId)
    {
        await using var db = Database.CreateDbContext();
        return await db.BusinessPlans.CountAsync(p => p.BusinessId == businessId, Cancel);
    }
}
