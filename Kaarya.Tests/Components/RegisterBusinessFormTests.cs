using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Participants;
using Kaarya.Web.Features.Participants;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Kaarya.Tests.Components;

public sealed class RegisterBusinessFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_business_is_registered_for_the_participant_chosen()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var form = RenderWithProviders<RegisterBusinessForm>();
        var owner = (await new ParticipantDirectory(Database, Database.Audit).PageAsync(0, 1, "KAA-07", Kaarya.Domain.Access.Viewer.Staff(new Actor("staff.rina", KaaryaRole.Staff)), Cancel)).Items.Single();

        var search = form.FindComponent<MudAutocomplete<ParticipantRow>>();
        await form.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(owner));
        await form.Find("input[data-testid=business-name]").ChangeAsync(new() { Value = "Dhanpota goat rearing" });
        var type = form.FindComponent<MudSelect<BusinessType?>>();
        await form.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync(BusinessType.Livestock));
        await form.Find("input[data-testid=business-location]").ChangeAsync(new() { Value = "Dhanpota" });
        await form.FindComponent<MudDatePicker>().InvokeAsync(() => form.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(new DateTime(2014, 1, 5)));
        await form.Find("button[data-testid=business-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.Businesses.SingleOrDefaultAsync(b => b.Name == "Dhanpota goat rearing", Cancel));
        Assert.Equal(owner.Id, stored.ParticipantId);
        Assert.Equal(BusinessType.Livestock, stored.Type);
        Assert.Equal(new DateOnly(2014, 1, 5), stored.StartedOn);
    }

    [Fact]
    public async Task Without_an_owner_the_form_says_whose_business_is_missing()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var form = RenderWithProviders<RegisterBusinessForm>();

        await form.Find("button[data-testid=business-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("Choose the participant whose business this is.", form.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(15, await db.Businesses.CountAsync(Cancel));
    }
}
