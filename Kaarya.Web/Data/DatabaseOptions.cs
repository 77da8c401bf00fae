namespace Kaarya.Web.Data;

/// <summary>Which database Kaarya keeps its records in.</summary>
public enum DatabaseProvider
{
    /// <summary>A file on one machine: GGBK's laptop, nothing to install.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server, for larger installs and several app instances.</summary>
    Postgres = 1,
}

/// <summary>The <c>Database</c> section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The name under <c>ConnectionStrings</c> that PostgreSQL's connection string is read from.</summary>
    public const string ConnectionStringName = "Kaarya";

    /// <summary><c>Sqlite</c> (the default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file. Relative paths are under the app's content root. Default: App_Data/kaarya.db.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("App_Data", "kaarya.db");

    /// <summary>Load the demo programme from seed-data/ when the database holds no programme yet.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>Where the demo files are. Default: the seed-data folder copied beside the app.</summary>
    public string? SeedDataPath { get; set; }
}
