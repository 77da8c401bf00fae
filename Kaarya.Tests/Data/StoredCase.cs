using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Domain;
using Kaarya.Web.Features.Funding;

namespace Kaarya.Tests.Data;

/// <summary>
/// A <see cref="SeedFundCase"/> saved to a real database with an immediate decision, ready for
/// requests to be recorded and approved through the app's own use cases.
/// </summary>
public sealed class StoredCase
{
    private StoredCase(TestDatabase database, SeedFundCase given, DisbursementDecision decision)
    {
        Database = database;
        Given = given;
        Decision = decision;
        Service = new DisbursementService(database, database.Clock);
    }

    public TestDatabase Database { get; }

    public SeedFundCase Given { get; }

    public DisbursementDecision Decision { get; }

    public DisbursementService Service { get; }

    public static async Task<StoredCase> CreateAsync(TestDatabase database, Money? decided = null, Money? budget = null)
    {
        var given = new SeedFundCase(budget);
        var decision = given.ImmediateDecision(decided ?? Money.FromRupees(20_000));
        await using var db = database.CreateDbContext();
        db.ActingAs(Actors.Staff);
        db.Programmes.Add(given.Programme);
        db.Funders.Add(given.Funder);
        db.FunderBudgets.Add(given.Budget);
        db.Participants.Add(given.Participant);
        db.Businesses.Add(given.Business);
        db.Stocktakings.Add(given.Stocktaking);
        db.RiskAssessments.Add(given.RiskAssessment);
        db.DisbursementDecisions.Add(decision);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new StoredCase(database, given, decision);
    }

    /// <summary>Staff records a cash tranche; returns the request's id.</summary>
    public Task<Guid> RecordAsync(Money amount, DateOnly? valueDate = null) =>
        Service.RecordRequestAsync(
            new DisbursementRequestInput
            {
                DecisionId = Decision.Id,
                FunderId = Given.Funder.Id,
                Amount = amount.Format(withSymbol: false),
                ValueDate = valueDate ?? Days.Paid,
                Method = PaymentMethod.Cash,
                Reference = "RCPT-1",
            },
            Actors.Staff,
            TestContext.Current.CancellationToken);

    /// <summary>Records a tranche and has the manager approve it: one posted entry.</summary>
    public async Task<LedgerEntry> PostAsync(Money amount)
    {
        var request = await RecordAsync(amount);
        return await Service.ApproveAsync(request, Actors.Manager, TestContext.Current.CancellationToken);
    }
}
