using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Layout;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Components;

/// <summary>
/// The menu marks the page she is on, for eyes and for screen readers, and follows her as she
/// moves; choosing an entry tells the layout, which closes the drawer on a phone. (Which entries
/// each role is offered is checked with the real policies in the browser: SignInBrowserTests.)
/// </summary>
public sealed class NavMenuTests : KaaryaComponentTest
{
    [Fact]
    public void The_entry_of_the_page_she_is_on_is_marked_current_and_follows_her_as_she_moves()
    {
        SignInAsStaff();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var menu = Render<NavMenu>();
        Assert.Equal(["nav-home"], Current(menu));

        navigation.NavigateTo("businesses");
        menu.WaitForAssertion(() => Assert.Equal(["nav-businesses"], Current(menu)));

        navigation.NavigateTo("businesses/3fa85f64-5717-4562-b3fc-2c963f66afa6?tab=money");
        menu.WaitForAssertion(() => Assert.Equal(["nav-businesses"], Current(menu)));

        navigation.NavigateTo("ledger");
        menu.WaitForAssertion(() => Assert.Equal(["nav-ledger"], Current(menu)));
        Assert.Contains("active", menu.Find("[data-testid=nav-ledger]").ClassList);
        Assert.DoesNotContain("active", menu.Find("[data-testid=nav-home]").ClassList);
    }

    [Fact]
    public void A_page_whose_name_only_begins_like_an_entry_does_not_mark_it()
    {
        SignInAsStaff();
        Services.GetRequiredService<NavigationManager>().NavigateTo("ledgers-elsewhere");

        var menu = Render<NavMenu>();

        Assert.Empty(Current(menu));
    }

    [Fact]
    public async Task Choosing_an_entry_tells_the_layout()
    {
        SignInAsStaff();
        var chosen = 0;
        var menu = Render<NavMenu>(p => p.Add(m => m.Chosen, () => chosen++));

        await menu.Find("[data-testid=nav-businesses]").ClickAsync(new());

        Assert.Equal(1, chosen);
    }

    [Fact]
    public void Each_entry_is_named_in_her_language_with_its_icon_hidden_from_screen_readers()
    {
        SignInAsStaff();
        var menu = Render<NavMenu>();

        Assert.Equal(Text["Nav.Businesses"].Value, menu.Find("[data-testid=nav-businesses]").TextContent.Trim());
        Assert.All(menu.FindAll("nav a svg"), icon => Assert.Equal("true", icon.GetAttribute("aria-hidden")));
    }

    private void SignInAsStaff()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("staff.rina");
        authorization.SetRoles(nameof(KaaryaRole.Staff));
        authorization.SetPolicies(Policies.KeepsRecords, Policies.ReadsBusinesses, Policies.ReadsLedger);
    }

    private static string[] Current(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a[aria-current=page]").Select(a => a.GetAttribute("data-testid")!)];
}
