using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Tests.Security;
using Kaarya.Web.Components.Pages.Businesses;

namespace Kaarya.Tests.Components;

/// <summary>
/// A business page shows its records in tabs: each viewer sees the tabs her role may open, in
/// the same order, the plan first; choosing a tab marks it chosen and shows only its records.
/// </summary>
public sealed class BusinessPageTabsTests : KaaryaComponentTest
{
    [Theory]
    [InlineData("staff.rina", KaaryaRole.Staff, "plan stages fourp risks decisions money timeline books reviews")]
    [InlineData("manager.sutapa", KaaryaRole.ProgrammeManager, "plan stages fourp risks decisions money timeline books reviews")]
    [InlineData("mentor.bina", KaaryaRole.Mentor, "plan stages fourp risks decisions money books reviews")]
    public async Task Each_viewer_sees_the_tabs_her_role_may_open_the_plan_chosen_first(string userName, KaaryaRole role, string expected)
    {
        SignInAs(userName, role);
        var page = await OpenAsync("KAA-01");

        var tabs = page.FindAll("[data-testid=business-tabs] [role=tab]");
        Assert.Equal(expected.Split(' '), tabs.Select(t => t.GetAttribute("data-testid")!["tab-".Length..]));
        Assert.Equal(["tab-plan"], tabs.Where(t => t.GetAttribute("aria-selected") == "true").Select(t => t.GetAttribute("data-testid")));
    }

    [Fact]
    public async Task Choosing_a_tab_marks_it_chosen_and_shows_its_records_in_place_of_the_last()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var page = await OpenAsync("KAA-01");
        page.WaitForElement("[data-testid=plan-versions]");

        await page.Find("[data-testid=tab-money]").ClickAsync(new());

        page.WaitForElement("[data-testid=business-ledger]");
        Assert.Empty(page.FindAll("[data-testid=plan-versions]"));
        Assert.Equal("true", page.Find("[data-testid=tab-money]").GetAttribute("aria-selected"));
        Assert.Equal("false", page.Find("[data-testid=tab-plan]").GetAttribute("aria-selected"));
        var panel = page.Find("[role=tabpanel]");
        Assert.Equal(page.Find("[data-testid=tab-money]").Id, panel.GetAttribute("aria-labelledby"));
        Assert.All(page.FindAll("[role=tab]"), tab => Assert.Equal(panel.Id, tab.GetAttribute("aria-controls")));
    }

    [Fact]
    public async Task Each_tab_is_named_in_the_viewers_language()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var page = await OpenAsync("KAA-01");

        var names = page.FindAll("[role=tab]").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(Text["Business.Plan"].Value, names[0]);
        Assert.Equal(Text["Business.Books"].Value, names[^2]);
        Assert.Equal(Text["Business.Reviews"].Value, names[^1]);
    }

    private async Task<IRenderedComponent<BusinessPage>> OpenAsync(string participantCode)
    {
        var business = await DemoViewers.BusinessOfAsync(Database, participantCode);
        var page = RenderWithProviders<BusinessPage>(p => p.Add(b => b.Id, business));
        page.WaitForElement("[data-testid=business-tabs]");
        return page;
    }
}
