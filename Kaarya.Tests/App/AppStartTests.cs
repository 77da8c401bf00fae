using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kaarya.Tests.Data;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Tests.App;

/// <summary>The app as a newcomer starts it: the README's command, a fresh database, the demo programme.</summary>
public sealed partial class AppStartTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task Started_as_the_readme_says_on_a_fresh_database_it_shows_the_demo_businesses()
    {
        var cancel = TestContext.Current.CancellationToken;
        var repository = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "kaarya-tests", "app-" + Guid.NewGuid().ToString("N"));

        using var app = StartApp(repository, new() { ["Database__Path"] = Path.Combine(folder, "kaarya.db") });
        try
        {
            var address = await ListeningAddressAsync(app, TimeSpan.FromSeconds(90), cancel);
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };

            // Signed out, the page sends her to sign in.
            var anonymous = await http.GetAsync(new Uri("/businesses", UriKind.Relative), cancel);
            Assert.EndsWith("/account/login?ReturnUrl=%2Fbusinesses", anonymous.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);

            // Signed in as demo staff in a real browser, the grid lists the demo businesses.
            Browser.BrowserSession.RequireChromium();
            using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            await using var browser = await Browser.BrowserSession.LaunchChromiumAsync(playwright);
            var page = await (await browser.NewContextAsync(new() { BaseURL = address })).NewPageAsync();
            await Browser.BrowserSession.SignInAsync(page, "staff.rina", "kaarya-demo-2013");
            await page.GotoAsync("/businesses");
            await page.Locator("[data-testid=business-list] tbody tr").Nth(14).WaitForAsync();
            var text = await page.InnerTextAsync("[data-testid=business-list]");

            var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "seed-data", "businesses.json"), cancel))!.AsArray();
            Assert.Equal(15, demo.Count);
            Assert.All(demo, business => Assert.Contains((string)business!["name"]!, text, StringComparison.Ordinal));
            Assert.Contains("KAA-01", text, StringComparison.Ordinal);
            Assert.Contains("₹", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "kaarya.db")));
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Started_on_postgres_it_migrates_an_empty_database_loads_the_demo_programme_and_signs_staff_in()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);

        using var app = StartApp(RepositoryRoot(), new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Kaarya"] = database.ConnectionString,
        });
        try
        {
            var address = await ListeningAddressAsync(app, TimeSpan.FromSeconds(90), cancel);
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

            var signedIn = await FormSignIn.SignInAsync(http, "staff.rina", "kaarya-demo-2013", cancel);
            var businesses = await http.GetAsync(new Uri("/businesses", UriKind.Relative), cancel);

            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, businesses.StatusCode);
            await using var db = database.CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancel));
            Assert.Equal(15, await db.Businesses.CountAsync(cancel));
            var chain = await database.Ledger.VerifyChainAsync(cancel);
            Assert.True(chain.IsIntact, chain.Problem);
            Assert.True(chain.EntriesChecked > 0);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_broken_demo_file_stops_start_up_with_a_message_naming_the_mistake()
    {
        var cancel = TestContext.Current.CancellationToken;
        var repository = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "kaarya-tests", "broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "seed-data"), "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var participants = Path.Combine(folder, "participants.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(participants, cancel))!;
        json[1]!["code"] = "not a code";
        await File.WriteAllTextAsync(participants, json.ToJsonString(), cancel);

        using var app = StartApp(repository, new()
        {
            ["Database__Path"] = Path.Combine(folder, "kaarya.db"),
            ["Database__SeedDataPath"] = folder,
        });
        var output = app.StandardOutput.ReadToEndAsync(cancel);
        await app.WaitForExitAsync(cancel).WaitAsync(TimeSpan.FromSeconds(90), cancel);

        Assert.Equal(1, app.ExitCode);
        Assert.Contains("participants.json, record 2", await output, StringComparison.Ordinal);
        Assert.Contains("field 'code'", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_database_without_users_the_first_manager_is_created_from_the_command_line()
    {
        var cancel = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "kaarya-tests", "first-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = Path.Combine(folder, "kaarya.db"),
            ["Database__LoadDemoData"] = "false",
            ["KAARYA_NEW_PASSWORD"] = "first-manager-2026",
        };

        using var first = StartApp(RepositoryRoot(), environment, "create-manager", "sutapa.m");
        var said = await first.StandardOutput.ReadToEndAsync(cancel).WaitAsync(TimeSpan.FromSeconds(90), cancel);
        await first.WaitForExitAsync(cancel);
        using var second = StartApp(RepositoryRoot(), environment, "create-manager", "someone.else");
        var refused = await second.StandardOutput.ReadToEndAsync(cancel).WaitAsync(TimeSpan.FromSeconds(90), cancel);
        await second.WaitForExitAsync(cancel);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Created programme manager sutapa.m", said, StringComparison.Ordinal);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already has users", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_demo_switched_on_a_database_made_by_create_manager_never_gets_the_demo()
    {
        var cancel = TestContext.Current.CancellationToken;
        var database = Path.Combine(Path.GetTempPath(), "kaarya-tests", "real-" + Guid.NewGuid().ToString("N"), "kaarya.db");
        var environment = new Dictionary<string, string>
        {
            ["Database__Path"] = database,
            ["Database__LoadDemoData"] = "true",
            ["KAARYA_NEW_PASSWORD"] = "first-manager-2026",
        };

        using (var create = StartApp(RepositoryRoot(), environment, "create-manager", "sutapa.m"))
        {
            await create.StandardOutput.ReadToEndAsync(cancel).WaitAsync(TimeSpan.FromSeconds(90), cancel);
            await create.WaitForExitAsync(cancel);
            Assert.Equal(0, create.ExitCode);
        }

        using var app = StartApp(RepositoryRoot(), environment);
        try
        {
            await ListeningAddressAsync(app, TimeSpan.FromSeconds(90), cancel);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(cancel);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Programmes", cancel));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM LedgerEntries", cancel));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetUsers", cancel));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetUsers WHERE UserName = 'sutapa.m'", cancel));
    }

    private static async Task<long> ScalarAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancel))!;
    }

    /// <summary>The README's command; --no-build because the test run has just built it.</summary>
    private static Process StartApp(string repository, Dictionary<string, string> environment, params string[] appArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--project", "Kaarya.Web", "--no-build", "-c", Configuration, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        if (appArguments.Length > 0)
        {
            start.ArgumentList.Add("--");
            foreach (var argument in appArguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ListeningAddressAsync(Process app, TimeSpan patience, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(patience);
        var seen = new System.Text.StringBuilder();
        while (await app.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                return match.Groups["address"].Value;
            }
        }

        var errors = await app.StandardError.ReadToEndAsync(cancel);
        throw new InvalidOperationException($"The app stopped before listening.\n{seen}\n{errors}");
    }

    private static string RepositoryRoot() => Repository.Root;

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningOn();
}
