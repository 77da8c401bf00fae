using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>Staff close or pause a business on its Stages tab, with a cause from the programme's list.</summary>
public sealed class BusinessStatusFormTests : KaaryaComponentTest
{
    private static readonly DateOnly Moved = new(2013, 9, 2);

    [Fact]
    public async Task A_business_is_closed_with_its_cause_and_what_happened()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (business, causes) = await RunningBusinessWithoutRequestsAsync();
        var form = RenderWithProviders<BusinessStatusForm>(p => p.Add(f => f.BusinessId, business).Add(f => f.Status, BusinessStatus.Running));
        form.WaitForElement("[data-testid=status-form]");

        await ChooseAsync(form.FindComponent<MudSelect<StatusChange>>(), StatusChange.Close);
        await PickDateAsync(form.FindComponent<MudDatePicker>(), Moved);
        await ChooseAsync(form.FindComponent<MudSelect<Guid?>>(), causes["Migration"]);
        await form.Find("input[data-testid=status-note]").ChangeAsync(new() { Value = "She moved to Kolkata with her husband." });
        await form.Find("button[data-testid=status-submit]").ClickAsync(new());

        var closed = await EventuallyAsync(db => db.Businesses.SingleAsync(b => b.Id == business, Cancel), b => b.Status == BusinessStatus.Closed);
        Assert.Equal((Moved, "Migration", "She moved to Kolkata with her husband."), (closed.StatusChangedOn, closed.StatusCause, closed.StatusReason));
    }

    [Fact]
    public async Task Other_without_a_note_is_refused_in_words_and_the_business_runs_on()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (business, causes) = await RunningBusinessWithoutRequestsAsync();
        var form = RenderWithProviders<BusinessStatusForm>(p => p.Add(f => f.BusinessId, business).Add(f => f.Status, BusinessStatus.Running));
        form.WaitForElement("[data-testid=status-form]");

        await PickDateAsync(form.FindComponent<MudDatePicker>(), Moved);
        await ChooseAsync(form.FindComponent<MudSelect<Guid?>>(), causes["Other"]);
        await form.Find("button[data-testid=status-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("\"Other\" needs a note saying what happened.", form.Find("[data-testid=status-refusal]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(BusinessStatus.Running, (await db.Businesses.SingleAsync(b => b.Id == business, Cancel)).Status);
    }

    private async Task<(Guid Business, Dictionary<string, Guid> Causes)> RunningBusinessWithoutRequestsAsync()
    {
        await using var db = Database.CreateDbContext();
        var business = await db.Businesses
            .Where(b => b.Status == BusinessStatus.Running && !db.DisbursementRequests.Any(r => r.BusinessId == b.Id && r.Status == Kaarya.Domain.Funding.RequestStatus.Pending))
            .OrderBy(b => b.Name).Select(b => b.Id).FirstAsync(Cancel);
        var causes = await db.BusinessStatusCauses.ToDictionaryAsync(c => c.Name, c => c.Id, Cancel);
        return (business, causes);
    }
}
