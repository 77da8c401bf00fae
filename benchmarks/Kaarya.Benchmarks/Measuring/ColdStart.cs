using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>One start of the published app on an empty database, to its first page.</summary>
internal sealed record ColdStartRun(string Build, double Seconds, long DatabaseBytes);

/// <summary>
/// From starting the published app (<c>dotnet Kaarya.Web.dll</c>, Production settings) on an empty
/// database to the first page a person sees, the sign-in page, answered in full. Each start is a new
/// process on a new, empty SQLite file: the runtime starts, the app's migrations build the schema, the
/// data-protection key is made, and the first request renders. The app is published twice,
/// untimed: as README's "Deploying" publishes it, precompiled (ReadyToRun), and plainly, compiled
/// as it runs; the two take turns.
/// </summary>
internal static class ColdStart
{
    /// <summary>Issue 7: under 3 seconds to the first page.</summary>
    public const double TargetSeconds = 3;

    public const string ReadyToRun = "ReadyToRun (as deployed)";
    public const string JustInTime = "plain (compiled as it runs)";

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<ColdStartRun>> RunAsync(string repositoryRoot, int starts, Action<string> progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kaarya-bench", "cold-" + Guid.NewGuid().ToString("N"));
        try
        {
            var builds = new Dictionary<string, string>
            {
                [ReadyToRun] = Path.Combine(folder, "ready-to-run"),
                [JustInTime] = Path.Combine(folder, "plain"),
            };
            progress("cold start: publishing Kaarya.Web (Release) twice, untimed");
            await PublishAsync(repositoryRoot, builds[ReadyToRun], readyToRun: true, cancellationToken);
            await PublishAsync(repositoryRoot, builds[JustInTime], readyToRun: false, cancellationToken);

            var runs = new List<ColdStartRun>();
            for (var i = 0; i < starts; i++)
            {
                foreach (var (build, published) in builds)
                {
                    var run = await StartOnceAsync(build, published, Path.Combine(folder, $"run-{runs.Count}"), cancellationToken);
                    progress(string.Create(CultureInfo.InvariantCulture, $"cold start {i + 1}/{starts}, {build}: first page in {run.Seconds:0.00} s"));
                    runs.Add(run);
                }
            }

            return runs;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static async Task PublishAsync(string repositoryRoot, string output, bool readyToRun, CancellationToken cancellationToken)
    {
        var publish = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = readyToRun
            ? ["publish", "Kaarya.Web", "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "q"]
            : ["publish", "Kaarya.Web", "-c", "Release", "-o", output, "--nologo", "-v", "q"];
        foreach (var argument in arguments)
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var said = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var complained = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await said}\n{await complained}");
        }
    }

    /// <summary>This machine's runtime identifier, e.g. linux-x64, for the precompiled build.</summary>
    private static string RuntimeIdentifier => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    private static async Task<ColdStartRun> StartOnceAsync(string build, string published, string data, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(data);
        var port = FreePort();
        var database = Path.Combine(data, "kaarya.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = published,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(published, "Kaarya.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["Database__Path"] = database;
        start.Environment["Database__LoadDemoData"] = "false";

        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, ConnectTimeout = TimeSpan.FromSeconds(1) });
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var firstPage = await FirstAnswerAsync(client, address, process, started, output, cancellationToken);

            // The page came from a working app, not one that answers before its database is ready.
            using var ready = await client.GetAsync(new Uri(address, "readyz"), cancellationToken);
            if (ready.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/readyz answered {(int)ready.StatusCode} after a cold start.\n{output}");
            }

            return new ColdStartRun(build, firstPage, new FileInfo(database).Length + (File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>Asks until the app answers in full (the sign-in page, after its redirect); seconds since the process started.</summary>
    private static async Task<double> FirstAnswerAsync(
        HttpClient client, Uri address, Process process, long started, System.Text.StringBuilder output, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped before answering (exit code {process.ExitCode}).\n{output}");
            }

            if (Stopwatch.GetElapsedTime(started) > GiveUpAfter)
            {
                throw new TimeoutException($"The app did not answer {address} within {GiveUpAfter.TotalSeconds:0} s.\n{output}");
            }

            try
            {
                using var response = await client.GetAsync(address, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{address} answered {(int)response.StatusCode} on a cold start.\n{output}");
                }

                return seconds;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}
