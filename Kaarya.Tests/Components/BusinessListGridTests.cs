using System.Globalization;
using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Tests.Data;
using Kaarya.Tests.Domain;
using Kaarya.Web.Components.Pages.Businesses;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Components;

/// <summary>
/// The businesses list as staff use it: 25 rows a page with the pager under it, sorting by a
/// column's header, searching once she stops typing, and a row that opens its business, by mouse
/// or by keyboard. The demo programme's 15 businesses are joined by stalls where a test needs
/// more than a page.
/// </summary>
public sealed class BusinessListGridTests : KaaryaComponentTest
{
    private const string Rows = "[data-testid=business-list] tbody tr";

    [Fact]
    public async Task The_list_shows_25_rows_a_page_and_the_pager_walks_through_the_rest()
    {
        await AddStallsAsync(Database, 25);
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        list.WaitForAssertion(() => Assert.Equal("1-25 of 40", Position(list)));
        var first = Codes(list);

        Assert.Equal(25, first.Count);
        Assert.True(Pager(list, "First page").HasAttribute("disabled"));
        Assert.True(Pager(list, "Previous page").HasAttribute("disabled"));

        await Pager(list, "Next page").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal("26-40 of 40", Position(list)));
        var second = Codes(list);

        // The default order is by participant code; the stalls belong to KAA-10, so they come last.
        Assert.Equal(15, second.Count);
        Assert.Equal(first.Concat(second).Order(StringComparer.Ordinal), first.Concat(second));
        Assert.True(Pager(list, "Next page").HasAttribute("disabled"));
        Assert.True(Pager(list, "Last page").HasAttribute("disabled"));

        await Pager(list, "First page").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal(first, Codes(list)));
    }

    [Fact]
    public async Task A_column_header_sorts_by_its_column_and_a_second_click_turns_the_order_round()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        list.WaitForAssertion(() => Assert.Equal(15, Amounts(list).Count));

        await SortButton(list, "Disbursed").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal(Amounts(list).Order(), Amounts(list)));
        Assert.Equal("ascending", Header(list, "Disbursed").GetAttribute("aria-sort"));
        Assert.Null(Header(list, "Participant").GetAttribute("aria-sort"));

        await SortButton(list, "Disbursed").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal(Amounts(list).OrderDescending(), Amounts(list)));
        Assert.Equal("descending", Header(list, "Disbursed").GetAttribute("aria-sort"));

        // Five businesses had money and ten had none: an order that was not by amount would show.
        Assert.NotEqual(Amounts(list).First(), Amounts(list).Last());
        await SortButton(list, "Business").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal(Names(list).Order(StringComparer.Ordinal), Names(list)));
    }

    [Fact]
    public async Task The_search_asks_once_she_has_stopped_typing_for_300_ms()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        list.WaitForAssertion(() => Assert.Equal(15, Codes(list).Count));
        var search = list.Find("input[data-testid=business-search]");

        // Each keystroke's handler waits for quiet on the test's clock, so it is not awaited at once.
        var first = search.InputAsync(new ChangeEventArgs { Value = "kaa-0" });
        Database.Clock.Advance(TimeSpan.FromMilliseconds(200));
        var last = list.Find("input[data-testid=business-search]").InputAsync(new ChangeEventArgs { Value = "kaa-03" });
        await first;
        Database.Clock.Advance(TimeSpan.FromMilliseconds(200));

        // 400 ms after the first keystroke but only 200 after the last: still the whole list.
        Assert.Equal(15, Codes(list).Count);

        Database.Clock.Advance(TimeSpan.FromMilliseconds(100));
        await last;
        list.WaitForAssertion(() => Assert.All(Codes(list), code => Assert.Equal("KAA-03", code)));
        Assert.NotEmpty(Codes(list));
    }

    [Fact]
    public async Task A_row_opens_its_business_and_its_name_is_a_link_the_keyboard_reaches()
    {
        await using var db = Database.CreateDbContext();
        var grocery = await db.Businesses.Where(b => b.Name == "Kadamtala Char grocery").Select(b => b.Id).SingleAsync(Cancel);
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        var row = list.WaitForElement($"{Rows}:first-child");
        var navigation = Services.GetRequiredService<NavigationManager>();

        Assert.Equal($"businesses/{grocery}", row.QuerySelector("a")?.GetAttribute("href"));

        await row.ClickAsync(new());
        Assert.EndsWith($"/businesses/{grocery}", navigation.Uri, StringComparison.Ordinal);
    }

    /// <summary>Adds market stalls of KAA-10, so that the list has more than one page.</summary>
    internal static async Task AddStallsAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateDbContext();
        var code = ParticipantCode.Create("KAA-10");
        var owner = await db.Participants.SingleAsync(p => p.Code == code, Cancel);
        for (var i = 1; i <= count; i++)
        {
            db.Businesses.Add(new BusinessBuilder().OwnedBy(owner).Named(string.Create(CultureInfo.InvariantCulture, $"Market stall {i:00}"), BusinessType.Shop).Build());
        }

        await db.SaveChangesAsync(Cancel);
    }

    private static string Position(IRenderedComponent<BusinessList> list) => list.Find("[data-testid=business-list-position]").TextContent;

    private static AngleSharp.Dom.IElement Pager(IRenderedComponent<BusinessList> list, string label) =>
        list.Find($"[data-testid=business-list] button[aria-label='{label}']");

    private static AngleSharp.Dom.IElement Header(IRenderedComponent<BusinessList> list, string title) =>
        list.FindAll("[data-testid=business-list] th").Single(th => th.TextContent.Trim() == title);

    private static AngleSharp.Dom.IElement SortButton(IRenderedComponent<BusinessList> list, string title) =>
        Header(list, title).QuerySelector("button.sortable-column-header")!;

    private static List<string> Codes(IRenderedComponent<BusinessList> list) =>
        list.FindAll($"{Rows} td[data-label=Participant]").Select(c => c.TextContent.Trim()).ToList();

    private static List<string> Names(IRenderedComponent<BusinessList> list) =>
        list.FindAll($"{Rows} td[data-label=Business]").Select(c => c.TextContent.Trim()).ToList();

    /// <summary>The amounts disbursed as shown (₹12,500.00), in rupees.</summary>
    private static List<decimal> Amounts(IRenderedComponent<BusinessList> list) =>
        list.FindAll($"{Rows} .kaarya-money").Select(c => decimal.Parse(c.TextContent.Replace("₹", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
}
