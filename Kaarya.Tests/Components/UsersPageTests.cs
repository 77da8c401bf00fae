using AngleSharp.Dom;
using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Users;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>The programme manager's Users page, over the demo programme's accounts.</summary>
public sealed class UsersPageTests : KaaryaComponentTest
{
    [Fact]
    public async Task The_list_shows_a_survivor_by_her_participant_code_and_no_survivors_name_anywhere()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);

        var page = RenderWithProviders<UsersPage>();

        page.WaitForElement("[data-testid=users-list]");
        Assert.Equal("KAA-01", RowOf(page, "kaa-01").QuerySelector("[data-testid=user-participant]")!.TextContent.Trim());
        Assert.Equal("Active", RowOf(page, "staff.rina").QuerySelector("[data-testid=user-state]")!.TextContent.Trim());
        await using var db = Database.CreateDbContext();
        var names = await db.Participants.Select(p => p.GivenName).ToListAsync(Cancel);
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.DoesNotContain(name, page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_a_staff_member_stores_her_account_and_lists_it()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-list]");

        await ChooseAsync(page.FindComponent<MudSelect<KaaryaRole?>>(), KaaryaRole.Staff);
        await page.Find("input[data-testid=new-user-name]").ChangeAsync(new() { Value = "staff.laboni" });
        await page.Find("input[data-testid=new-user-display-name]").ChangeAsync(new() { Value = "Laboni (GGBK social worker)" });
        await page.Find("input[data-testid=new-user-password]").ChangeAsync(new() { Value = "seed-fund-2014" });
        await page.Find("button[data-testid=new-user-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.Users.SingleOrDefaultAsync(u => u.UserName == "staff.laboni", Cancel));
        Assert.Equal("Laboni (GGBK social worker)", stored.DisplayName);
        page.WaitForAssertion(() => Assert.Equal("Staff", RowOf(page, "staff.laboni").QuerySelectorAll("td")[2].TextContent.Trim()));
    }

    [Fact]
    public async Task A_survivor_with_a_code_no_participant_has_is_refused_in_plain_words_and_nothing_is_stored()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-list]");
        var before = await UserCountAsync();

        await ChooseAsync(page.FindComponent<MudSelect<KaaryaRole?>>(), KaaryaRole.Survivor);
        await page.WaitForElement("input[data-testid=new-user-code]").ChangeAsync(new() { Value = "KAA-99" });
        await page.Find("input[data-testid=new-user-password]").ChangeAsync(new() { Value = "seed-fund-2014" });
        await page.Find("button[data-testid=new-user-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("No participant has the code KAA-99.", page.Find("[data-testid=new-user-refusal]").TextContent.Trim()));
        Assert.Empty(page.FindAll("input[data-testid=new-user-name]"));
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Deactivating_asks_first_under_the_row_chosen_and_cancelling_changes_nothing()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-list]");

        await RowOf(page, "staff.mousumi").QuerySelector("button[data-testid=deactivate]")!.ClickAsync(new());

        var panel = page.Find("[data-testid=deactivate-panel]");
        Assert.Contains("Deactivate staff.mousumi?", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal("staff.mousumi", panel.Closest("tr")!.PreviousElementSibling!.QuerySelector("[data-testid=user-name]")!.TextContent.Trim());
        Assert.False(await LockedUntilFarFutureAsync("staff.mousumi"));

        await page.Find("button[data-testid=deactivate-cancel]").ClickAsync(new());

        Assert.Empty(page.FindAll("[data-testid=deactivate-panel]"));
        Assert.Equal("Active", RowOf(page, "staff.mousumi").QuerySelector("[data-testid=user-state]")!.TextContent.Trim());
        Assert.False(await LockedUntilFarFutureAsync("staff.mousumi"));
    }

    [Fact]
    public async Task Deactivating_an_account_shows_it_deactivated_and_reactivating_brings_it_back()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-list]");

        await RowOf(page, "staff.mousumi").QuerySelector("button[data-testid=deactivate]")!.ClickAsync(new());
        await page.Find("button[data-testid=deactivate-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Deactivated", RowOf(page, "staff.mousumi").QuerySelector("[data-testid=user-state]")!.TextContent.Trim()));
        Assert.True(await LockedUntilFarFutureAsync("staff.mousumi"));

        await RowOf(page, "staff.mousumi").QuerySelector("button[data-testid=reactivate]")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Active", RowOf(page, "staff.mousumi").QuerySelector("[data-testid=user-state]")!.TextContent.Trim()));
        Assert.False(await LockedUntilFarFutureAsync("staff.mousumi"));
    }

    [Fact]
    public async Task A_manager_cannot_deactivate_herself_and_is_told_why_before_any_confirmation()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-list]");

        await RowOf(page, "manager.sutapa").QuerySelector("button[data-testid=deactivate]")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("cannot deactivate your own account", page.Find("[data-testid=users-refusal]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=deactivate-panel]"));
        Assert.Equal("Active", RowOf(page, "manager.sutapa").QuerySelector("[data-testid=user-state]")!.TextContent.Trim());
        Assert.False(await LockedUntilFarFutureAsync("manager.sutapa"));
    }

    [Fact]
    public async Task On_a_Bengali_screen_a_short_password_and_a_second_account_for_her_are_answered_in_Bengali()
    {
        SignInAs("manager.sutapa", KaaryaRole.ProgrammeManager);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("bn-IN");
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-list]");

        await ChooseAsync(page.FindComponent<MudSelect<KaaryaRole?>>(), KaaryaRole.Survivor);
        await page.WaitForElement("input[data-testid=new-user-code]").ChangeAsync(new() { Value = "KAA-01" });
        await page.Find("input[data-testid=new-user-password]").ChangeAsync(new() { Value = "short-1" });
        await page.Find("button[data-testid=new-user-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("পাসওয়ার্ডে অন্তত ১০টি অক্ষর থাকতে হবে।", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("A password has at least", page.Markup, StringComparison.Ordinal);

        await page.Find("input[data-testid=new-user-password]").ChangeAsync(new() { Value = "seed-fund-2014" });
        await page.Find("button[data-testid=new-user-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "KAA-01-এর আগে থেকেই একটি অ্যাকাউন্ট আছে; আরেকটি যোগ না করে সেটির পাসওয়ার্ড নতুন করে দিন।",
            page.Find("[data-testid=new-user-refusal]").TextContent.Trim()));
    }

    private static IElement RowOf(IRenderedComponent<UsersPage> page, string userName) =>
        page.FindAll("tr").Single(row => row.QuerySelector("[data-testid=user-name]")?.TextContent.Trim() == userName);

    private async Task<int> UserCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.CountAsync(Cancel);
    }

    private async Task<bool> LockedUntilFarFutureAsync(string userName)
    {
        await using var db = Database.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, Cancel);
        return Kaarya.Web.Identity.UserAccounts.IsDeactivation(user.LockoutEnd);
    }
}
