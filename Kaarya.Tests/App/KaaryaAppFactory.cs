using Kaarya.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.App;

/// <summary>
/// The whole app on a fresh SQLite file with the demo programme. With <c>realServer</c> it listens
/// on a free loopback port through Kestrel, for a real browser; otherwise it runs in memory.
/// </summary>
public sealed class KaaryaAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kaarya-tests", "host-" + Guid.NewGuid().ToString("N"));

    public KaaryaAppFactory(bool realServer = false)
    {
        RealServer = realServer;
        if (realServer)
        {
            UseKestrel(0);
        }
    }

    public bool RealServer { get; }

    /// <summary>Where a browser reaches the app (real server only).</summary>
    public Uri Address { get; private set; } = new("http://localhost");

    /// <summary>Starts the app and waits until its database is migrated and the demo programme loaded.</summary>
    public async Task StartAsync()
    {
        if (RealServer)
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            _ = Server;
        }

        await Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", Path.Combine(_folder, "kaarya.db"));
        builder.UseSetting("Database:LoadDemoData", "true");
        if (RealServer)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }
}
