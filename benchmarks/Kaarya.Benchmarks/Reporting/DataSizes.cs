using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>How much the measured database holds, counted in the database itself.</summary>
internal sealed record DataSizes(IReadOnlyList<(string Table, long Rows)> Tables, long FileBytes)
{
    /// <summary>The tables the measured use cases read or write.</summary>
    private static readonly string[] Counted =
    [
        "Participants", "Businesses", "StageAssessments", "Stocktakings", "RiskAssessments",
        "DisbursementDecisions", "DisbursementRequests", "LedgerEntries", "UtilisationReports",
        "AwaitedUtilisationReports", "AuditEntries",
    ];

    public static async Task<DataSizes> CountAsync(BenchmarkDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.App.CreateDbContextAsync(cancellationToken);
        var tables = new List<(string, long)>();
        foreach (var table in Counted)
        {
            // Table names come from the fixed list above, never from input.
#pragma warning disable EF1002
            // The alias is quoted: PostgreSQL folds an unquoted one to lower case.
            var rows = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(cancellationToken);
#pragma warning restore EF1002
            tables.Add((table, rows));
        }

        return new DataSizes(tables, await database.SizeInBytesAsync(cancellationToken));
    }

    public long RowsOf(string table) => Tables.FirstOrDefault(t => t.Table == table).Rows;
}
