using System.Globalization;
using Npgsql;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// The processor time of a PostgreSQL server running on this machine: its postmaster, every
/// process it started (the backends serving the benchmark's connections, the WAL writer,
/// autovacuum) and what its children that have exited used. On PostgreSQL a use case's queries
/// run in the server's processes, so their time is part of the use case: counted as "others' CPU"
/// it would read as contention from a build next door. Read from /proc, so on Linux only.
/// </summary>
internal sealed class DatabaseServerCpu
{
    /// <summary>The unit of /proc's times (USER_HZ), 100 on every Linux the app runs on.</summary>
    private const double TicksPerSecond = 100;

    private const string ServerName = "postgres";

    private readonly int _postmaster;

    private DatabaseServerCpu(int postmaster) => _postmaster = postmaster;

    /// <summary>
    /// The server behind <paramref name="connectionString"/> when it runs here (loopback or a
    /// Unix socket): the parent of the backend serving a connection, if both are PostgreSQL's.
    /// Null for a server on another machine, whose processor time this machine cannot see.
    /// </summary>
    public static async Task<DatabaseServerCpu?> FindAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || !IsLocal(new NpgsqlConnectionStringBuilder(connectionString).Host))
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return Read(backend) is { } stat && Name(backend) == ServerName && Name(stat.Parent) == ServerName
            ? new DatabaseServerCpu(stat.Parent)
            : null;
    }

    /// <summary>The server's processor seconds so far, all its processes together.</summary>
    public double Seconds()
    {
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            // A child's own time, and that of its exited children, moves into its parent's
            // "children" times when it exits: the postmaster's count covers the backends gone.
            if (Read(pid) is { } stat && (pid == _postmaster || stat.Parent == _postmaster))
            {
                ticks += stat.Ticks;
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>Whether a connection string's host is this machine: loopback, or a Unix socket's folder.</summary>
    public static bool IsLocal(string? host) =>
        host is null or "" or "localhost" or "127.0.0.1" or "::1" || host.StartsWith('/');

    private static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A process's parent and its user, system and waited-for children's times from
    /// /proc/PID/stat; null when it has just exited. The fields are counted after the name's
    /// closing parenthesis, since a name may hold spaces.
    /// </summary>
    private static (int Parent, long Ticks)? Read(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 15)
        {
            return null;
        }

        // After the name: state, ppid (field 4 of proc(5)), ... utime, stime, cutime, cstime (14 to 17).
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15) + Field(16) + Field(17));
    }
}
