using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Layout;
using Kaarya.Web.Components.Pages;
using Kaarya.Web.Components.Pages.Setup;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kaarya.Tests.Components;

/// <summary>
/// A new installation: the first manager sets the programme up on one page, form by form, and
/// every staff page says what is still missing until she has.
/// </summary>
public sealed class SetupPageTests : KaaryaComponentTest
{
    protected override bool HoldsDemo => false;

    [Fact]
    public async Task The_manager_names_the_programme_adds_a_phase_a_funder_and_its_budget()
    {
        SignInAsManager();
        var page = RenderWithProviders<SetupPage>();
        page.WaitForAssertion(() => Assert.Contains("Still to set up: the programme's name, a phase, a funder, a funder's budget for a phase.", page.Find("[data-testid=setup-missing]").TextContent, StringComparison.Ordinal));

        await page.Find("input[data-testid=programme-name]").ChangeAsync(new() { Value = "Kaarya — Work that Heals" });
        await page.Find("button[data-testid=programme-save]").ClickAsync(new());
        page.WaitForElement("[data-testid=phase-form]");

        await page.Find("input[data-testid=phase-name]").ChangeAsync(new() { Value = "Phase 1" });
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Starts on"), new DateOnly(2011, 8, 1));
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Ends on"), new DateOnly(2012, 7, 31));
        await page.Find("button[data-testid=phase-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=phase-row]")));

        await page.Find("input[data-testid=funder-name]").ChangeAsync(new() { Value = "Kindernothilfe" });
        await page.Find("button[data-testid=funder-save]").ClickAsync(new());
        page.WaitForElement("[data-testid=budget-form]");

        await using (var db = Database.CreateDbContext())
        {
            await ChooseAsync(page.FindComponents<MudSelect<Guid?>>().Single(s => s.Instance.Label == "Funder"), (await db.Funders.SingleAsync(Cancel)).Id);
            await ChooseAsync(page.FindComponents<MudSelect<Guid?>>().Single(s => s.Instance.Label == "Phase"), (await db.Phases.SingleAsync(Cancel)).Id);
        }

        await page.Find("input[data-testid=budget-amount]").ChangeAsync(new() { Value = "4,00,000" });
        await page.Find("button[data-testid=budget-save]").ClickAsync(new());

        var budget = await StoredAsync(db => db.FunderBudgets.SingleOrDefaultAsync(Cancel));
        Assert.Equal(Money.FromRupees(4_00_000), budget.Amount);
        page.WaitForElement("[data-testid=setup-complete]");
        Assert.Contains("₹4,00,000.00", page.Find("[data-testid=budget-row]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_ending_before_it_starts_is_refused_by_the_field_and_nothing_is_stored()
    {
        SignInAsManager();
        await NameTheProgrammeAsync();
        var page = RenderWithProviders<SetupPage>();
        page.WaitForElement("[data-testid=phase-form]");

        await page.Find("input[data-testid=phase-name]").ChangeAsync(new() { Value = "Phase 2" });
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Starts on"), new DateOnly(2013, 4, 1));
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Ends on"), new DateOnly(2013, 3, 31));
        await page.Find("button[data-testid=phase-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("A phase must end on or after the day it starts.", page.Markup, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Phases.AnyAsync(Cancel));
    }

    [Fact]
    public async Task An_overlapping_phase_is_refused_in_words_and_nothing_is_stored()
    {
        SignInAsManager();
        await NameTheProgrammeAsync(withPhaseOne: true);
        var page = RenderWithProviders<SetupPage>();
        page.WaitForElement("[data-testid=phase-row]");

        await page.Find("input[data-testid=phase-name]").ChangeAsync(new() { Value = "Phase 2" });
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Starts on"), new DateOnly(2012, 7, 1));
        await PickDateAsync(page.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == "Ends on"), new DateOnly(2013, 3, 31));
        await page.Find("button[data-testid=phase-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "The phase \"Phase 2\" overlaps \"Phase 1\"; phases of a programme follow one another.",
            page.Find("[data-testid=phase-refusal]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Phases.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_phase_is_closed_after_the_manager_confirms()
    {
        SignInAsManager();
        await NameTheProgrammeAsync(withPhaseOne: true);
        var page = RenderWithProviders<SetupPage>();
        await page.WaitForElement("button[data-testid=phase-close]").ClickAsync(new());

        await page.WaitForElement("button[data-testid=phase-close-confirm]").ClickAsync(new());

        var phase = await EventuallyAsync(db => db.Phases.SingleAsync(Cancel), p => p.IsClosed);
        Assert.Equal(new DateOnly(2013, 9, 3), phase.ClosedOn);
        page.WaitForAssertion(() => Assert.Equal("Closed on 03-09-2013", page.Find("[data-testid=phase-state]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_band_changes_only_with_a_reason()
    {
        SignInAsManager();
        await NameTheProgrammeAsync();
        var page = RenderWithProviders<SetupPage>();
        page.WaitForElement("[data-testid=band-form]");
        await page.Find("input[data-testid=band-minimum]").ChangeAsync(new() { Value = "10,000" });
        await page.Find("input[data-testid=band-maximum]").ChangeAsync(new() { Value = "25,000" });

        await page.Find("button[data-testid=band-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("The reason for the change is required.", page.Markup, StringComparison.Ordinal));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(Money.FromRupees(20_000), (await db.Programmes.SingleAsync(Cancel)).BandMaximum);
        }

        await page.Find("textarea[data-testid=band-reason]").ChangeAsync(new() { Value = "Prices of goats rose after the cyclone." });
        await page.Find("button[data-testid=band-save]").ClickAsync(new());

        var programme = await EventuallyAsync(db => db.Programmes.SingleAsync(Cancel), p => p.BandMaximum == Money.FromRupees(25_000));
        Assert.Equal("Prices of goats rose after the cyclone.", programme.BandReason);
        page.WaitForAssertion(() => Assert.Contains("₹10,000–₹25,000", page.Find("[data-testid=band-in-force]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_programme_starts_with_the_report_list_of_causes_and_the_manager_extends_it()
    {
        SignInAsManager();
        var page = RenderWithProviders<SetupPage>();
        await page.WaitForElement("input[data-testid=programme-name]").ChangeAsync(new() { Value = "Kaarya — Work that Heals" });
        await page.Find("button[data-testid=programme-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Capital ran out", page.Find("[data-testid=causes-list]").TextContent, StringComparison.Ordinal));

        await page.Find("input[data-testid=cause-name]").ChangeAsync(new() { Value = "Cyclone" });
        await page.Find("input[data-testid=cause-needs-note]").ChangeAsync(new() { Value = true });
        await page.Find("button[data-testid=cause-save]").ClickAsync(new());

        var cyclone = await StoredAsync(db => db.BusinessStatusCauses.SingleOrDefaultAsync(c => c.Name == "Cyclone", Cancel));
        Assert.True(cyclone.NeedsNote);
        page.WaitForAssertion(() => Assert.Contains("Cyclone (with a note)", page.Find("[data-testid=causes-list]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_new_installation_staff_pages_say_what_is_missing_and_the_manager_gets_the_link()
    {
        SignInAsManager();
        var notice = Render<SetupNotice>();

        notice.WaitForAssertion(() => Assert.Contains("The programme is not set up yet. Missing: the programme's name", notice.Find("[data-testid=setup-notice]").TextContent, StringComparison.Ordinal));
        Assert.Equal("setup", notice.Find("[data-testid=setup-notice-link]").GetAttribute("href"));
    }

    [Fact]
    public void With_no_programme_the_home_page_takes_the_manager_to_setup()
    {
        SignInAsManager();
        var navigation = Services.GetRequiredService<NavigationManager>();

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal("http://localhost/setup", navigation.Uri));
    }

    [Fact]
    public void Staff_are_told_to_ask_the_manager()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("staff.rina");
        authorization.SetRoles(nameof(KaaryaRole.Staff));
        authorization.SetPolicies(Policies.KeepsRecords);

        var notice = Render<SetupNotice>();

        notice.WaitForAssertion(() => Assert.Contains("Ask the programme manager to set it up.", notice.Find("[data-testid=setup-notice]").TextContent, StringComparison.Ordinal));
        Assert.Empty(notice.FindAll("[data-testid=setup-notice-link]"));
    }

    private void SignInAsManager()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("manager.sreya");
        authorization.SetRoles(nameof(KaaryaRole.ProgrammeManager));
        authorization.SetPolicies(Policies.Manager, Policies.KeepsRecords);
    }

    private async Task NameTheProgrammeAsync(bool withPhaseOne = false)
    {
        await using var db = Database.CreateDbContext();
        db.ActingAs(new Actor("manager.sreya", KaaryaRole.ProgrammeManager));
        var programme = new Kaarya.Domain.Programmes.Programme("Kaarya — Work that Heals");
        if (withPhaseOne)
        {
            programme.AddPhase("Phase 1", new DateOnly(2011, 8, 1), new DateOnly(2012, 7, 31));
        }

        db.Programmes.Add(programme);
        await db.SaveChangesAsync(Cancel);
    }
}
