using System.Text.Json.Nodes;
using Kaarya.Domain.Businesses;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Kaarya.Web.Data.Seed;
using Kaarya.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.Data;

/// <summary>The demo programme in seed-data/: a living programme on first start, all or nothing.</summary>
public abstract class DemoDataTests(DatabaseProvider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_programme_loads_into_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var summary = await Loader(database).LoadIfEmptyAsync(Cancel);

        Assert.NotNull(summary);
        await using var db = database.CreateDbContext();
        Assert.Equal(10, await db.Participants.CountAsync(Cancel));
        var businesses = await db.Businesses.ToListAsync(Cancel);
        Assert.Equal(15, businesses.Count);
        Assert.Equal(5, businesses.Count(b => b.Status == BusinessStatus.Closed));
        var open = businesses.Where(b => b.Status != BusinessStatus.Closed).ToList();
        Assert.Equal(Enum.GetValues<LifecycleStage>().Order(), open.Select(b => b.CurrentStage!.Value).Distinct().Order());

        var decisions = await db.DisbursementDecisions.ToListAsync(Cancel);
        Assert.Equal(5, decisions.Count(d => d.Kind == DecisionKind.Immediate));
        Assert.Equal(3, decisions.Count(d => d.Kind == DecisionKind.Delayed));
        Assert.Equal(2, decisions.Count(d => d.Kind == DecisionKind.None));
        Assert.All(decisions.Where(d => d.Kind == DecisionKind.Immediate), d => Assert.True(DisbursementBand.Default.Contains(d.Amount)));

        var entries = await db.LedgerEntries.ToListAsync(Cancel);
        Assert.Single(entries, e => e.Kind == LedgerEntryKind.Reversal);
        Assert.Contains(await db.DisbursementRequests.ToListAsync(Cancel), r => r.Status == RequestStatus.Rejected);
        Assert.True((await database.Ledger.VerifyChainAsync(Cancel)).IsIntact);
        Assert.Contains(await db.Participants.Select(p => p.GivenName).ToListAsync(Cancel), name => name.Any(c => c is >= '\u0980' and <= '\u09FF'));
    }

    [Fact]
    public async Task A_database_made_by_create_manager_is_never_loaded_with_the_demo()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateDbContext())
        {
            db.Users.Add(new Kaarya.Web.Identity.KaaryaUser { UserName = "sutapa.m", NormalizedUserName = "SUTAPA.M", DisplayName = "Sutapa", SecurityStamp = "s" });
            await db.SaveChangesAsync(Cancel);
        }

        var summary = await Loader(database).LoadIfEmptyAsync(Cancel);

        Assert.Null(summary);
        await using var read = database.CreateDbContext();
        Assert.False(await read.Programmes.AnyAsync(Cancel));
        Assert.Equal(["sutapa.m"], await read.Users.Select(u => u.UserName).ToListAsync(Cancel));
    }

    [Fact]
    public async Task A_database_holding_any_record_of_a_real_programme_is_never_loaded_with_the_demo()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateDbContext())
        {
            db.ActingAs(Kaarya.Tests.Domain.Actors.Manager);
            db.Funders.Add(new Kaarya.Domain.Programmes.Funder("Kamonohashi Project"));
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Null(await Loader(database).LoadIfEmptyAsync(Cancel));
        await using var read = database.CreateDbContext();
        Assert.False(await read.Users.AnyAsync(Cancel));
        Assert.False(await read.Programmes.AnyAsync(Cancel));
    }

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Loader(database).LoadIfEmptyAsync(Cancel);
        var before = await CountRowsAsync(database);

        var second = await Loader(database).LoadIfEmptyAsync(Cancel);

        Assert.Null(second);
        Assert.Equal(before, await CountRowsAsync(database));
    }

    [Fact]
    public async Task A_missing_field_stops_loading_naming_file_record_and_field_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = CopyOfDemoFiles();
        Edit(folder, SeedFileSet.ParticipantsFileName, json => json[2]!["village"] = null);

        var broken = await Assert.ThrowsAsync<SeedDataException>(() => Loader(database, folder).LoadIfEmptyAsync(Cancel));

        Assert.Equal(SeedFileSet.ParticipantsFileName, broken.File);
        Assert.StartsWith("record 3", broken.Record, StringComparison.Ordinal);
        Assert.Equal("village", broken.Field);
        Assert.Contains("participants.json, record 3", broken.Message, StringComparison.Ordinal);
        await AssertEmptyAsync(database);
    }

    [Fact]
    public async Task A_rule_broken_late_in_the_files_leaves_the_database_empty()
    {
        // The last decision asks for more than the band allows: everything before it is rolled back.
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = CopyOfDemoFiles();
        Edit(folder, SeedFileSet.FundingFileName, json =>
        {
            var immediate = json["decisions"]!.AsArray().Last(d => (string?)d!["kind"] == "Immediate")!;
            immediate["amount"] = "25,000";
        });

        var broken = await Assert.ThrowsAsync<SeedDataException>(() => Loader(database, folder).LoadIfEmptyAsync(Cancel));

        Assert.Equal(SeedFileSet.FundingFileName, broken.File);
        Assert.StartsWith("decisions[", broken.Record, StringComparison.Ordinal);
        Assert.Equal("amount", broken.Field);
        Assert.Contains("₹25,000 is above the programme band ₹8,000–₹20,000", broken.Message, StringComparison.Ordinal);
        await AssertEmptyAsync(database);
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_file_and_line()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = CopyOfDemoFiles();
        var path = Path.Combine(folder, SeedFileSet.BusinessesFileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"startedOn\"", "\"startedOn\" \"", StringComparison.Ordinal));

        var broken = await Assert.ThrowsAsync<SeedDataException>(() => Loader(database, folder).LoadIfEmptyAsync(Cancel));

        Assert.Equal(SeedFileSet.BusinessesFileName, broken.File);
        Assert.StartsWith("line ", broken.Record, StringComparison.Ordinal);
        await AssertEmptyAsync(database);
    }

    [Fact]
    public async Task A_misspelt_field_is_named_rather_than_ignored()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = CopyOfDemoFiles();
        Edit(folder, SeedFileSet.ParticipantsFileName, json => json[0]!["vilage"] = "Typo");

        var broken = await Assert.ThrowsAsync<SeedDataException>(() => Loader(database, folder).LoadIfEmptyAsync(Cancel));

        Assert.Contains("vilage", broken.Message, StringComparison.Ordinal);
        await AssertEmptyAsync(database);
    }

    private static DemoDataLoader Loader(TestDatabase database, string? folder = null) =>
        new(database, new DatabaseOptions { SeedDataPath = folder });

    /// <summary>A copy of the demo files in a folder of its own, for a test to break.</summary>
    internal static string CopyOfDemoFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kaarya-tests", "seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed-data"), "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static void Edit(string folder, string file, Action<JsonNode> change)
    {
        var path = Path.Combine(folder, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static async Task<(int, int, int, int, int)> CountRowsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (
            await db.Programmes.CountAsync(Cancel),
            await db.Participants.CountAsync(Cancel),
            await db.Businesses.CountAsync(Cancel),
            await db.DisbursementDecisions.CountAsync(Cancel),
            await db.LedgerEntries.CountAsync(Cancel));
    }

    private static async Task AssertEmptyAsync(TestDatabase database) =>
        Assert.Equal((0, 0, 0, 0, 0), await CountRowsAsync(database));

    public sealed class OnSqlite() : DemoDataTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DemoDataTests(DatabaseProvider.Postgres);
}
