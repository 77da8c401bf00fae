using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Web.Components.Pages.Businesses;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Businesses;
using Kaarya.Web.Features.Funding;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>
/// The businesses list narrowed by phase, village and funder, on the demo programme. What each
/// choice should show is worked out here from the stored records themselves (decisions and
/// stocktakings, where survivors live, the ledger), not through the query the page uses.
/// </summary>
public sealed class BusinessListFiltersTests : KaaryaComponentTest
{
    private const string RenewedPhase = "Phase 2 (renewed with GGBK)";

    [Fact]
    public async Task Choosing_a_phase_lists_exactly_the_businesses_decided_on_or_stocktaken_in_it()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        await using var db = Database.CreateDbContext();
        var phases = await db.Phases.OrderBy(p => p.StartsOn).Select(p => new PhaseChoice(p.Id, p.Name)).ToListAsync(Cancel);
        var renewed = phases.Single(p => p.Name == RenewedPhase);
        var first = phases.Single(p => p.Name == "Phase 1");
        var expected = await BusinessesOfPhaseAsync(db, renewed.Id);
        WaitForRows(list, 15);

        await ChooseAsync(list, "business-phase", renewed);

        list.WaitForAssertion(() => Assert.Equal(expected, ShownBusinesses(list)));
        // The renewed phase decided on one running business of each of the ten survivors; the five
        // businesses closed before it are not in it.
        Assert.Equal(10, expected.Count);
        Assert.DoesNotContain("Uttar Keyatala backyard poultry", expected);
        Assert.Contains("Kadamtala Char grocery", expected);

        // Phase 1 of the demo programme kept no decisions or stocktakings.
        Assert.Empty(await BusinessesOfPhaseAsync(db, first.Id));
        await ChooseAsync(list, "business-phase", first);
        list.WaitForAssertion(() => Assert.Empty(ShownBusinesses(list)));
        Assert.Contains(Text["Businesses.NoneMatch"].Value, list.Find("[data-testid=business-list]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_village_lists_exactly_the_businesses_of_the_survivors_who_live_there_and_clearing_it_lists_all()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        await using var db = Database.CreateDbContext();
        var expected = await NamesAsync(db, db.Businesses.Where(b => db.Participants.Any(p => p.Id == b.ParticipantId && p.Village == "Madhabpur Char")));
        WaitForRows(list, 15);

        await ChooseAsync(list, "business-village", "Madhabpur Char");

        list.WaitForAssertion(() => Assert.Equal(expected, ShownBusinesses(list)));
        Assert.Equal(["Madhabpur bangles and cosmetics", "Madhabpur zari embroidery"], expected);
        Assert.All(ShownCodes(list), code => Assert.Equal("KAA-08", code));

        await ChooseAsync(list, "business-village", (string?)null);
        list.WaitForAssertion(() => Assert.Equal(15, ShownBusinesses(list).Count));
    }

    [Fact]
    public async Task Choosing_a_funder_lists_exactly_the_businesses_her_money_reached()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        await using var db = Database.CreateDbContext();
        var funder = await db.Funders.Select(f => new FunderChoice(f.Id, f.Name)).SingleAsync(Cancel);
        var paid = (await db.LedgerEntries.Where(e => e.FunderId == funder.Id).Select(e => e.BusinessId).ToListAsync(Cancel)).ToHashSet();
        var expected = await NamesAsync(db, db.Businesses.Where(b => paid.Contains(b.Id)));
        WaitForRows(list, 15);

        await ChooseAsync(list, "business-funder", funder);

        list.WaitForAssertion(() => Assert.Equal(expected, ShownBusinesses(list)));
        // Kamonohashi's tranches reached KAA-01, 02, 03, 04 and 08 (seed-data/funding.json).
        Assert.Equal(["KAA-01", "KAA-02", "KAA-03", "KAA-04", "KAA-08"], ShownCodes(list));
    }

    [Fact]
    public async Task A_changed_filter_starts_again_from_the_first_page()
    {
        await BusinessListGridTests.AddStallsAsync(Database, 25);
        SignInAs("staff.rina", KaaryaRole.Staff);
        var list = RenderWithProviders<BusinessList>();
        await using var db = Database.CreateDbContext();
        var renewed = await db.Phases.Where(p => p.Name == RenewedPhase).Select(p => new PhaseChoice(p.Id, p.Name)).SingleAsync(Cancel);
        list.WaitForAssertion(() => Assert.Equal(25, ShownCodes(list).Count));
        await list.Find("[data-testid=business-list] button[aria-label='Next page']").ClickAsync(new());
        list.WaitForAssertion(() => Assert.Equal("26-40 of 40", list.Find("[data-testid=business-list-position]").TextContent));

        await ChooseAsync(list, "business-phase", renewed);

        // The renewed phase has one business for each survivor: all ten fit on the first page.
        list.WaitForAssertion(() => Assert.Equal(["KAA-01", "KAA-02", "KAA-03", "KAA-04", "KAA-05", "KAA-06", "KAA-07", "KAA-08", "KAA-09", "KAA-10"], ShownCodes(list)));
        Assert.Equal("1-10 of 10", list.Find("[data-testid=business-list-position]").TextContent);
    }

    [Fact]
    public async Task Staff_are_offered_every_phase_funder_and_village()
    {
        await using var db = Database.CreateDbContext();
        var villages = await db.Participants.Select(p => p.Village).Distinct().ToListAsync(Cancel);
        SignInAs("staff.rina", KaaryaRole.Staff);
        var staffList = RenderWithProviders<BusinessList>();

        staffList.WaitForAssertion(() => Assert.Equal(villages.Order(StringComparer.Ordinal), Offered(staffList, "business-village").Order(StringComparer.Ordinal)));
        Assert.Equal(10, villages.Count);
        Assert.Equal(["Phase 1", RenewedPhase], Offered(staffList, "business-phase"));
        Assert.Equal(["Kamonohashi Project"], Offered(staffList, "business-funder"));
    }

    [Fact]
    public async Task A_mentor_is_offered_only_the_villages_of_the_survivors_assigned_to_her()
    {
        SignInAs("mentor.bina", KaaryaRole.Mentor);
        var list = RenderWithProviders<BusinessList>();

        // mentor.bina is assigned KAA-01 (Kadamtala Char) and KAA-03 (Hogla Dwip).
        list.WaitForAssertion(() => Assert.Equal(["Hogla Dwip", "Kadamtala Char"], Offered(list, "business-village")));
        await ChooseAsync(list, "business-village", "Hogla Dwip");
        list.WaitForAssertion(() => Assert.Equal(["KAA-03"], ShownCodes(list)));
    }

    private static Task ChooseAsync(IRenderedComponent<BusinessList> list, string testId, PhaseChoice phase) =>
        ChooseAsync(list, testId, phase.Id.ToString());

    private static Task ChooseAsync(IRenderedComponent<BusinessList> list, string testId, FunderChoice funder) =>
        ChooseAsync(list, testId, funder.Id.ToString());

    /// <summary>Chooses an option of a filter as she would in the browser's list; the empty value is "All".</summary>
    private static Task ChooseAsync(IRenderedComponent<BusinessList> list, string testId, string? value) =>
        list.Find($"select[data-testid={testId}]").ChangeAsync(new ChangeEventArgs { Value = value ?? string.Empty });

    /// <summary>The options a filter offers besides "All", as she reads them.</summary>
    private static List<string> Offered(IRenderedComponent<BusinessList> list, string testId) =>
        list.FindAll($"select[data-testid={testId}] option").Where(o => o.GetAttribute("value") is { Length: > 0 }).Select(o => o.TextContent.Trim()).ToList();

    private static void WaitForRows(IRenderedComponent<BusinessList> list, int count) =>
        list.WaitForAssertion(() => Assert.Equal(count, ShownBusinesses(list).Count));

    /// <summary>The business names in the grid's rows, in name order, to compare as a set.</summary>
    private static List<string> ShownBusinesses(IRenderedComponent<BusinessList> list) =>
        list.FindAll("[data-testid=business-list] tbody td[data-label=Business]").Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

    /// <summary>The participant codes in the grid's rows, in the order shown.</summary>
    private static List<string> ShownCodes(IRenderedComponent<BusinessList> list) =>
        list.FindAll("[data-testid=business-list] tbody td[data-label=Participant]").Select(c => c.TextContent.Trim()).ToList();

    private static async Task<List<string>> BusinessesOfPhaseAsync(KaaryaDbContext db, Guid phaseId)
    {
        var decided = await db.DisbursementDecisions.Where(d => d.PhaseId == phaseId).Select(d => d.BusinessId).ToListAsync(Cancel);
        var stocktaken = await db.Stocktakings.Where(s => s.PhaseId == phaseId).Select(s => s.BusinessId).ToListAsync(Cancel);
        var ids = decided.Concat(stocktaken).ToHashSet();
        return await NamesAsync(db, db.Businesses.Where(b => ids.Contains(b.Id)));
    }

    private static async Task<List<string>> NamesAsync(KaaryaDbContext db, IQueryable<Kaarya.Domain.Businesses.Business> businesses) =>
        (await businesses.Select(b => b.Name).ToListAsync(Cancel)).Order(StringComparer.Ordinal).ToList();
}
