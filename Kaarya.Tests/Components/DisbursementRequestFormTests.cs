using Bunit;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Components.Pages.Disbursements;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Components;

/// <summary>Staff record a tranche against KAA-01's decision (₹15,000 decided, ₹10,000 paid in the demo).</summary>
public sealed class DisbursementRequestFormTests : KaaryaComponentTest
{
    [Fact]
    public async Task A_valid_request_reaches_the_ledger_queue()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, decision) = await RenderFormAsync();

        await FillAsync(form, "5,000", "02-12-2013", "RCPT-77");
        await form.Find("[data-testid=request-submit] button, button[data-testid=request-submit]").ClickAsync(new());

        var stored = await PendingAsync(decision, atLeast: 1);
        Assert.Equal(Money.FromRupees(5_000), stored[0].Amount);
        Assert.Equal(new DateOnly(2013, 12, 2), stored[0].ValueDate);
        Assert.Equal("staff.rina", stored[0].RecordedBy);
        Assert.Equal(RequestStatus.Pending, stored[0].Status);
    }

    [Fact]
    public async Task An_empty_amount_shows_its_message_at_the_field_and_records_nothing()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, decision) = await RenderFormAsync();

        await FillAsync(form, string.Empty, "02-12-2013", string.Empty);
        await form.Find("button[data-testid=request-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("Enter an amount in rupees", form.Markup, StringComparison.Ordinal));
        Assert.Empty(await PendingAsync(decision));
    }

    [Fact]
    public async Task More_than_the_decision_allows_is_refused_in_the_programmes_words()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, decision) = await RenderFormAsync();

        await FillAsync(form, "25,000", "02-12-2013", string.Empty);
        await form.Find("button[data-testid=request-submit]").ClickAsync(new());

        var refusal = form.WaitForElement("[data-testid=request-refusal]");
        Assert.Contains("₹25,000 is more than the ₹15,000 decided", refusal.TextContent, StringComparison.Ordinal);
        Assert.Empty(await PendingAsync(decision));
    }

    [Fact]
    public async Task On_a_Bengali_screen_more_than_the_decision_allows_is_refused_in_Bengali_with_both_amounts()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("bn-IN");
        var (form, decision) = await RenderFormAsync();

        await FillAsync(form, "1,25,000", "02-12-2013", string.Empty);
        await form.Find("button[data-testid=request-submit]").ClickAsync(new());

        var refusal = form.WaitForElement("[data-testid=request-refusal]");
        Assert.Equal("₹1,25,000 এই ব্যবসার জন্য ঠিক করা ₹15,000-এর চেয়ে বেশি।", refusal.TextContent.Trim());
        Assert.Empty(await PendingAsync(decision));
    }

    [Fact]
    public async Task A_double_click_records_one_request()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, decision) = await RenderFormAsync();
        await FillAsync(form, "2,000", "02-12-2013", string.Empty);

        var button = form.Find("button[data-testid=request-submit]");
        var first = button.ClickAsync(new());
        var second = button.ClickAsync(new());
        await Task.WhenAll(first, second);

        Assert.Single(await PendingAsync(decision, atLeast: 1));
    }

    [Fact]
    public async Task A_value_date_after_today_is_refused_and_nothing_is_stored()
    {
        SignInAs("staff.rina", KaaryaRole.Staff);
        var (form, decision) = await RenderFormAsync();

        await FillAsync(form, "2,000", "03-12-2013", string.Empty);
        await form.Find("button[data-testid=request-submit]").ClickAsync(new());

        var refusal = form.WaitForElement("[data-testid=request-refusal]");
        Assert.Equal("The money cannot be paid on 03-12-2013: that is after today, 02-12-2013.", refusal.TextContent.Trim());
        Assert.Empty(await PendingAsync(decision));
    }

    /// <summary>The form for KAA-01's decision, on 02-12-2013 in the office.</summary>
    private async Task<(IRenderedComponent<DisbursementRequestForm> Form, Guid Decision)> RenderFormAsync()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2013, 12, 2, 6, 0, 0, TimeSpan.Zero));
        await using var db = Database.CreateDbContext();
        var kaa01 = await db.Participants.SingleAsync(p => p.Code == Kaarya.Domain.Participants.ParticipantCode.Create("KAA-01"), Cancel);
        var business = await db.Businesses.SingleAsync(b => b.ParticipantId == kaa01.Id && b.Status != Kaarya.Domain.Businesses.BusinessStatus.Closed, Cancel);
        var decision = await db.DisbursementDecisions.SingleAsync(d => d.BusinessId == business.Id, Cancel);
        var form = RenderWithProviders<DisbursementRequestForm>(p => p
            .Add(f => f.DecisionId, decision.Id)
            .Add(f => f.StillToPay, Money.FromRupees(5_000)));
        return (form, decision.Id);
    }

    private static async Task FillAsync(IRenderedComponent<DisbursementRequestForm> form, string amount, string date, string reference)
    {
        await form.Find("input[data-testid=request-amount]").InputAsync(new() { Value = amount });
        await form.Find("input[data-testid=request-date]").ChangeAsync(new() { Value = date });
        await form.Find("input[data-testid=request-reference]").ChangeAsync(new() { Value = reference });
    }

    /// <summary>The requests waiting against the decision, once there are at least <paramref name="atLeast"/>.</summary>
    private Task<List<DisbursementRequest>> PendingAsync(Guid decision, int atLeast = 0) =>
        EventuallyAsync(
            db => db.DisbursementRequests.Where(r => r.DecisionId == decision && r.Status == RequestStatus.Pending).ToListAsync(Cancel),
            stored => stored.Count >= atLeast);
}
