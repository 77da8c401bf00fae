using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Components.Pages.Dashboard;
using Kaarya.Web.Components.Pages.Participants;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>
/// In the demo KAA-03 withdrew her consent to photos on 06-04-2013. Staff see it on her page and
/// the dashboard, and record her renewed consent until a day.
/// </summary>
public sealed class ConsentFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task Her_page_shows_the_withdrawal_and_a_renewal_until_a_day_is_stored()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var kaa03 = await ParticipantAsync("KAA-03");
        var page = RenderWithProviders<ParticipantPage>(p => p.Add(x => x.Id, kaa03));
        page.WaitForAssertion(() => Assert.Contains("Photos: withdrawn on 06-04-2013.", page.Find("[data-testid=consent-lapsed]").TextContent, StringComparison.Ordinal));

        await ChooseAsync(page.FindComponent<MudSelect<ConsentPurpose>>(), ConsentPurpose.Photos);
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "On"), new DateOnly(2013, 9, 2));
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Until"), new DateOnly(2014, 3, 31));
        await page.Find("button[data-testid=consent-save]").ClickAsync(new());

        var renewed = await EventuallyAsync(db => db.Participants.SingleAsync(p => p.Id == kaa03, Cancel), p => p.ConsentsOn(ConsentPurpose.Photos, new DateOnly(2013, 9, 3)));
        Assert.Equal(new DateOnly(2014, 3, 31), renewed.LatestConsent(ConsentPurpose.Photos)!.ExpiresOn);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=consent-lapsed]")));
    }

    [Fact]
    public async Task An_expiry_before_the_day_given_is_refused_by_the_field_and_nothing_is_stored()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var kaa05 = await ParticipantAsync("KAA-05");
        var page = RenderWithProviders<ParticipantPage>(p => p.Add(x => x.Id, kaa05));
        page.WaitForElement("[data-testid=consent-form]");

        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "On"), new DateOnly(2013, 9, 2));
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Until"), new DateOnly(2013, 9, 1));
        await page.Find("button[data-testid=consent-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("A consent expires after the day it is given.", page.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, (await db.Participants.SingleAsync(p => p.Id == kaa05, Cancel)).Consents.Count);
    }

    [Fact]
    public void The_dashboard_lists_the_consents_withdrawn_in_the_demo()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);

        var card = Render<LapsedConsents>();

        card.WaitForAssertion(() => Assert.Equal(
            ["KAA-03: Photos: withdrawn on 06-04-2013."],
            card.FindAll("[data-testid=lapsed-consent]").Select(e => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim())));
    }

    private async Task<Guid> ParticipantAsync(string code)
    {
        await using var db = Database.CreateDbContext();
        return await db.Participants.Where(p => p.Code == ParticipantCode.Create(code)).Select(p => p.Id).SingleAsync(Cancel);
    }
}
