using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Data.Seed;

/// <summary>
/// Loads the demo programme from seed-data/ into an empty database, all or nothing: a mistake in
/// any file stops with a <see cref="SeedDataException"/> and the database stays empty.
/// </summary>
public sealed class DemoDataLoader(IDbContextFactory<KaaryaDbContext> contexts, DatabaseOptions options)
{
    public const string ActingUser = "demo-data";

    /// <summary>The folder of demo files: configured, else the seed-data folder copied beside the app.</summary>
    public string Folder => options.SeedDataPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "seed-data");

    /// <summary>
    /// Loads the demo programme into a database that holds nothing at all: a database with an account
    /// (the first manager's, made by create-manager), a programme, a record or an audit entry is a
    /// real one, and the demo, its published password and its ledger never enter it, whatever the
    /// settings say.
    /// </summary>
    public async Task<DemoDataSummary?> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await IsEmptyAsync(db, cancellationToken))
        {
            return null;
        }

        var files = await SeedFileSet.ReadAsync(Folder, cancellationToken);
        db.ActingAs(new Domain.Common.Actor(ActingUser, Domain.Common.KaaryaRole.Staff));

        // The ledger is held from BEGIN (SQLite's write lock, PostgreSQL's advisory lock), so a second
        // instance starting at the same moment waits, then finds the programme and loads nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await new Features.Funding.LedgerBook(db).HoldAsync(cancellationToken);
        if (!await IsEmptyAsync(db, cancellationToken))
        {
            return null;
        }

        var summary = await new DemoProgrammeBuilder(db, files).BuildAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private static async Task<bool> IsEmptyAsync(KaaryaDbContext db, CancellationToken cancellationToken) =>
        !await db.Users.AnyAsync(cancellationToken)
        && !await db.Programmes.AnyAsync(cancellationToken)
        && !await db.Funders.AnyAsync(cancellationToken)
        && !await db.Participants.AnyAsync(cancellationToken)
        && !await db.LedgerEntries.AnyAsync(cancellationToken)
        && !await db.AuditEntries.AnyAsync(cancellationToken);
}
