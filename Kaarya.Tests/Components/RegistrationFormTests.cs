using Bunit;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;
using Kaarya.Web.Components.Pages.Businesses.Tabs;
using Kaarya.Web.Components.Pages.Participants;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>Registering a participant and recording a stage: the forms staff fill in most.</summary>
public sealed class RegistrationFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_participant_with_consent_is_registered_and_enrolled()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var form = RenderWithProviders<RegisterParticipantForm>();

        await form.Find("input[data-testid=participant-code]").ChangeAsync(new() { Value = "kaa-11" });
        await form.Find("input[data-testid=participant-name]").ChangeAsync(new() { Value = "সুমিতা" });
        await form.Find("input[data-testid=participant-village]").ChangeAsync(new() { Value = "Dhosa" });
        await form.Find("input[data-testid=participant-consent-date]").ChangeAsync(new() { Value = "10-01-2014" });
        await form.Find("input[data-testid=participant-consent]").ChangeAsync(new() { Value = true });
        await form.Find("button[data-testid=participant-submit]").ClickAsync(new());

        var stored = await StoredAsync(db => db.Participants.SingleOrDefaultAsync(p => p.Code == ParticipantCode.Create("KAA-11"), Cancel));
        Assert.Equal("সুমিতা", stored.GivenName);
        Assert.True(stored.HasConsented(ConsentPurpose.DataKept));
        Assert.Single(stored.Enrolments);
    }

    [Fact]
    public async Task Without_her_consent_nothing_is_registered_and_the_field_says_why()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var form = RenderWithProviders<RegisterParticipantForm>();

        await form.Find("input[data-testid=participant-code]").ChangeAsync(new() { Value = "KAA-12" });
        await form.Find("input[data-testid=participant-name]").ChangeAsync(new() { Value = "Rekha" });
        await form.Find("input[data-testid=participant-village]").ChangeAsync(new() { Value = "Dhosa" });
        await form.Find("input[data-testid=participant-consent-date]").ChangeAsync(new() { Value = "10-01-2014" });
        await form.Find("button[data-testid=participant-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("keeps her data only with her consent", form.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Participants.AnyAsync(p => p.Code == ParticipantCode.Create("KAA-12"), Cancel));
    }

    [Fact]
    public async Task A_code_already_in_use_is_refused_in_plain_words()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var form = RenderWithProviders<RegisterParticipantForm>();

        await form.Find("input[data-testid=participant-code]").ChangeAsync(new() { Value = "KAA-03" });
        await form.Find("input[data-testid=participant-name]").ChangeAsync(new() { Value = "Someone" });
        await form.Find("input[data-testid=participant-village]").ChangeAsync(new() { Value = "Dhosa" });
        await form.Find("input[data-testid=participant-consent-date]").ChangeAsync(new() { Value = "10-01-2014" });
        await form.Find("input[data-testid=participant-consent]").ChangeAsync(new() { Value = true });
        await form.Find("button[data-testid=participant-submit]").ClickAsync(new());

        var refusal = form.WaitForElement("[data-testid=participant-refusal]");
        Assert.Equal("KAA-03 is already the code of another participant.", refusal.TextContent.Trim());
    }

    [Fact]
    public async Task A_stage_assessment_is_added_to_the_history_and_an_empty_one_is_sent_back()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        await using var db = Database.CreateDbContext();
        var business = await db.Businesses.FirstAsync(b => b.Status == BusinessStatus.Running, Cancel);
        var before = business.StageHistory.Count;
        var form = RenderWithProviders<StageAssessmentForm>(p => p.Add(f => f.BusinessId, business.Id));

        await form.Find("button[data-testid=stage-submit]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Contains("Choose one of the four stages.", form.Markup, StringComparison.Ordinal));

        await form.Find("input[data-testid=stage-date]").ChangeAsync(new() { Value = "15-01-2014" });
        await form.Find("textarea[data-testid=stage-evidence]").ChangeAsync(new() { Value = "Second shop counter opened" });
        var stage = form.FindComponent<MudBlazor.MudSelect<LifecycleStage?>>();
        await form.InvokeAsync(() => stage.Instance.ValueChanged.InvokeAsync(LifecycleStage.Expansion));
        await form.Find("button[data-testid=stage-submit]").ClickAsync(new());

        var stored = await EventuallyAsync(
            read => read.Businesses.SingleAsync(b => b.Id == business.Id, Cancel),
            stored => stored.StageHistory.Count > before);
        Assert.Equal(LifecycleStage.Expansion, stored.CurrentStage);
        Assert.Equal(before + 1, stored.StageHistory.Count);
    }
}
