using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>A sun or a cloud is added to the staff-only timeline beside the business.</summary>
public sealed class TimelineEventFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_cloud_is_stored_and_appears_on_the_timeline()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var tab = RenderWithProviders<TimelineTab>(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=event-form]");

        await tab.Find("input[data-testid=event-kind-cloud]").ClickAsync(new());
        await ChooseAsync(tab.FindComponent<MudSelect<TimelineCategory?>>(), TimelineCategory.LossOrTheft);
        await PickDateAsync(tab.FindComponent<MudDatePicker>(), new DateOnly(2014, 1, 12));
        await tab.Find("[data-testid=event-text]").ChangeAsync(new() { Value = "Goats stolen from the shed at night" });
        await tab.Find("button[data-testid=event-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.TimelineEvents.SingleOrDefaultAsync(e => e.BusinessId == businessId && e.Text == "Goats stolen from the shed at night", Cancel));
        Assert.Equal((TimelineEventKind.Cloud, TimelineCategory.LossOrTheft, new DateOnly(2014, 1, 12)), (stored.Kind, stored.Category, stored.OccurredOn));
        tab.WaitForAssertion(() => Assert.Contains("Cloud · Loss or theft · 12-01-2014", tab.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_she_has_typed_survives_the_timeline_arriving_or_reloading_underneath_it()
    {
        // The form shows before the timeline has loaded; on a slow line she may be typing when it arrives.
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var tab = RenderWithProviders<TimelineTab>(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        tab.WaitForElement("[data-testid=event-form]");
        await tab.Find("input[data-testid=event-kind-sun]").ClickAsync(new());
        await ChooseAsync(tab.FindComponent<MudSelect<TimelineCategory?>>(), TimelineCategory.BusinessEarning);
        await tab.Find("[data-testid=event-text]").ChangeAsync(new() { Value = "Sold the first batch of pickles at the mela" });

        tab.Render(p => p.Add(t => t.BusinessId, businessId).Add(t => t.CanRecord, true));
        await tab.Find("button[data-testid=event-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.TimelineEvents.SingleOrDefaultAsync(e => e.BusinessId == businessId && e.Text == "Sold the first batch of pickles at the mela", Cancel));
        Assert.Equal((TimelineEventKind.Sun, TimelineCategory.BusinessEarning), (stored.Kind, stored.Category));
    }

    [Fact]
    public async Task Each_missing_field_says_what_is_wrong_and_nothing_is_stored()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var businessId = await AnyBusinessAsync();
        var form = RenderWithProviders<TimelineEventForm>(p => p.Add(f => f.BusinessId, businessId));
        var before = await CountAsync();

        await form.InvokeAsync(() => form.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(null));
        await form.Find("button[data-testid=event-submit]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Choose sun or cloud.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Choose what kind of event it was.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter when it happened.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("What happened is required.", form.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_mentor_cannot_record_on_the_staff_only_timeline()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var businessId = await AnyBusinessAsync();
        var form = RenderWithProviders<TimelineEventForm>(p => p.Add(f => f.BusinessId, businessId));
        var before = await CountAsync();

        await form.Find("input[data-testid=event-kind-sun]").ClickAsync(new());
        await ChooseAsync(form.FindComponent<MudSelect<TimelineCategory?>>(), TimelineCategory.FamilyAcceptance);
        await form.Find("[data-testid=event-text]").ChangeAsync(new() { Value = "Her husband helped at the stall" });
        await form.Find("button[data-testid=event-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Only GGBK staff or the programme manager can record this.", form.Find("[data-testid=event-refusal]").TextContent.Trim()));
        Assert.Equal(before, await CountAsync());
    }

    private async Task<Guid> AnyBusinessAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Businesses.OrderBy(b => b.Name).Select(b => b.Id).FirstAsync(Cancel);
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.TimelineEvents.CountAsync(Cancel);
    }
}
