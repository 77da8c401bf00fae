using System.Diagnostics;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>Starting the harness again as a child process, to run one of its child commands.</summary>
internal static class HarnessProcess
{
    /// <summary>
    /// The harness as it was started: through its own executable (<c>dotnet run</c>), or as
    /// <c>dotnet Kaarya.Benchmarks.dll</c>, when the child needs the assembly named first.
    /// </summary>
    public static ProcessStartInfo StartInfo(params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HarnessProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
