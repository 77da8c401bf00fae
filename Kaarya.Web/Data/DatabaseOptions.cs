namespace Kaarya.Web.Data;

/// <summary>The <c>Database</c> section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file. Relative paths are under the app's content root. Default: App_Data/kaarya.db.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("App_Data", "kaarya.db");

    /// <summary>Load the demo programme from seed-data/ when the database holds no programme yet.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>Where the demo files are. Default: the seed-data folder copied beside the app.</summary>
    public string? SeedDataPath { get; set; }
}
