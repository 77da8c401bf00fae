using System.Diagnostics;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>
/// The app runs in the harness's own process (<see cref="LiveApp"/>), so the process must start
/// the way README's deployment starts the app. The C library reads <c>MALLOC_ARENA_MAX</c> once,
/// when the process starts: when the variable is not what was asked, the harness starts itself
/// again with it, passes its output through, and ends with its exit code.
/// </summary>
internal static class AppProcess
{
    private const string Variable = "MALLOC_ARENA_MAX";

    /// <summary>Whether this process was started with other arenas than <paramref name="wanted"/>.</summary>
    public static bool Restarts(string wanted) =>
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Variable) != Expected(wanted);

    public static async Task<int> RestartAsync(string[] args, string wanted, CancellationToken cancellationToken)
    {
        var start = HarnessProcess.StartInfo(args);
        if (Expected(wanted) is { } arenas)
        {
            start.Environment[Variable] = arenas;
        }
        else
        {
            start.Environment.Remove(Variable);
        }

        using var again = Process.Start(start)!;
        await again.WaitForExitAsync(cancellationToken);
        return again.ExitCode;
    }

    /// <summary>How this process's allocation arenas are set, for the report.</summary>
    public static string MallocArenasNow() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } arenas
            ? $"{Variable}={arenas}"
            : $"{Variable} unset (the C library's default)";

    private static string? Expected(string wanted) => wanted == LiveOptions.DefaultMallocArenas ? null : wanted;
}
