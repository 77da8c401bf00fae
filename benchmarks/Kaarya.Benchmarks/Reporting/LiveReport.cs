using System.Globalization;
using System.Text;
using Kaarya.Benchmarks.Measuring;

namespace Kaarya.Benchmarks.Reporting;

/// <summary>
/// Writes the circuit and load benchmarks' figures into the Markdown report, each between its
/// own markers, leaving the rest of the file as people wrote it. Missing markers are added at the end.
/// </summary>
internal static class LiveReport
{
    public const string CircuitsStart = "<!-- circuit-results:start: written by benchmarks/Kaarya.Benchmarks circuits, edits here are overwritten -->";
    public const string CircuitsEnd = "<!-- circuit-results:end -->";
    public const string LoadStart = "<!-- load-results:start: written by benchmarks/Kaarya.Benchmarks load, edits here are overwritten -->";
    public const string LoadEnd = "<!-- load-results:end -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string MiB(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", Invariant);

    public static string KiB(long bytes) => (bytes / 1024.0).ToString("N0", Invariant);

    public static async Task WriteCircuitsAsync(string path, string command, string machine, CircuitMemoryResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"### Latest circuit run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Invariant, $"`{command}`, {machine}");
        md.AppendLine();
        md.AppendLine("| server process | circuits | managed heap MiB | resident MiB | private MiB |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        Row(md, "no circuit, after the warm-up", 0, result.Rounds[0].Before);
        for (var i = 0; i < result.Rounds.Count; i++)
        {
            RoundRows(md, RoundName(i), result.Rounds[i]);
        }

        md.AppendLine();
        md.AppendLine("| per circuit ((with − the round's start) / users) | managed heap KiB | resident KiB | private KiB |");
        md.AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < result.Rounds.Count; i++)
        {
            var (round, figures) = (RoundName(i), result.Rounds[i]);
            PerCircuit(md, $"{round}, on the businesses grid", figures.PerCircuitOnGrid);
            PerCircuit(md, $"{round}, on a business page", figures.PerCircuitOnBusiness);
            PerCircuit(md, string.Create(Invariant, $"{round}, kept after the users left ({figures.CircuitsAfter} circuits still open)"), figures.KeptPerUser);
        }

        var inService = result.Rounds.Count == 2 ? "round 2" : string.Create(Invariant, $"mean of rounds 2–{result.Rounds.Count}");
        PerCircuit(md, $"**in service ({inService}), on the businesses grid**", result.InServiceOnGrid);
        PerCircuit(md, $"**in service ({inService}), on a business page**", result.InServiceOnBusiness);
        md.AppendLine();
        var worst = Math.Max(
            Math.Max(result.InServiceOnGrid.ManagedBytes, result.InServiceOnBusiness.ManagedBytes),
            Math.Max(result.InServiceOnGrid.PrivateBytes, result.InServiceOnBusiness.PrivateBytes));
        md.AppendLine(Invariant, $"Largest per-circuit figure in service: **{KiB(worst)} KiB** (target under 1 MiB, 1,024 KiB, for the managed heap and private memory: {(result.Met ? "met" : "**missed**")}). The first round's private memory includes what a started process keeps once it has served that many people at once; one round's private figure moves with what the round before left (decision 0021).");
        AppendProblems(md, "Problems", result.Problems);
        await ReportSection.WriteAsync(path, CircuitsStart, CircuitsEnd, md.ToString(), cancellationToken);
    }

    public static async Task WriteLoadAsync(string path, string command, string machine, LoadTestResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"### Latest load run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Invariant, $"`{command}`, {machine}");
        md.AppendLine();
        if (result.RemoteApp is { } app)
        {
            md.AppendLine(Invariant, $"The app ran at **{app}**, not in this process; the browsers ran here. The figures are the browsers' own; what only the app's process can tell (its memory, log, circuits, time per message and processor time) is not measured.");
            md.AppendLine();
        }

        md.AppendLine(Invariant, $"{result.Users} users browsed and recorded for {result.BrowsingSeconds:0} s; {result.Recorded} records written through the forms. Errors: **{result.Errors.Count}** ({(result.Passed ? "passed" : "**failed**")}){(result.RemoteApp is null ? string.Empty : ", counting what the browsers saw")}.");
        md.AppendLine();
        md.AppendLine("| interaction (latency in the browser, ms) | count | p50 | p95 | p99 | max | p95 as Playwright saw it |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var l in result.Latencies)
        {
            LatencyRow(md, l.Kind, l);
        }

        if (result.Overall is { } all)
        {
            LatencyRow(md, "**" + all.Kind + "**", all);
        }

        md.AppendLine();
        if (result.Server is { } measured)
        {
            ServerSideRows(md, result, measured);
        }
        else
        {
            NotMeasuredRows(md, result);
        }

        AppendProblems(md, "Errors", result.Errors);
        if (result.Server is { } figures)
        {
            var warnings = figures.Warnings.GroupBy(w => w).Select(g => g.Count() == 1 ? g.Key : string.Create(Invariant, $"{g.Key} (×{g.Count()})")).ToList();
            AppendProblems(md, "Server warnings (not counted as errors)", warnings);
        }

        await ReportSection.WriteAsync(path, LoadStart, LoadEnd, md.ToString(), cancellationToken);
    }

    /// <summary>The server's time, memory and CPU beside the browsers', as measured in this process.</summary>
    private static void ServerSideRows(StringBuilder md, LoadTestResult result, ServerFigures measured)
    {
        if (measured.Handling is { } server)
        {
            md.AppendLine(Invariant, $"On the server, each of the {server.Count:N0} messages the browsers sent the circuits while browsing (events, answers to JS calls, render acknowledgements) was handled, with the renders it caused, in p50 {server.P50:0.0} ms, p95 {server.P95:0.0} ms, p99 {server.P99:0.0} ms, max {server.Max:0} ms. This is the app's share of an interaction, except that a handler awaiting a call into the browser (MudBlazor's popovers, focus, a download) waits for that browser too.");
            md.AppendLine();
        }

        md.AppendLine("| server memory | managed heap MiB | resident MiB | private MiB |");
        md.AppendLine("|---|---:|---:|---:|");
        MemoryRow(md, "before, no circuit (after a full collection)", measured.Before);
        MemoryRow(md, "while browsing, mean of samples every 2 s", measured.MeanWhileBrowsing);
        MemoryRow(md, "while browsing, the sample with the largest resident set", measured.PeakWhileBrowsing);
        MemoryRow(md, string.Create(Invariant, $"at the end, {measured.CircuitsAtEnd} circuits open (after a full collection)"), measured.AfterWithCircuits);
        md.AppendLine();
        var users = Math.Max(1, result.Users);
        md.AppendLine(Invariant, $"Per circuit at the end ((with − without) / users, after a full collection): managed heap {KiB((measured.AfterWithCircuits.ManagedBytes - measured.Before.ManagedBytes) / users)} KiB, private {KiB((measured.AfterWithCircuits.PrivateBytes - measured.Before.PrivateBytes) / users)} KiB; while browsing (mean, no collection forced): private {KiB((measured.MeanWhileBrowsing.PrivateBytes - measured.Before.PrivateBytes) / users)} KiB.");
        md.AppendLine();
        var cpu = result.Cpu;
        var capacity = result.WallSeconds * Environment.ProcessorCount;
        md.AppendLine(Invariant, $"| CPU over the {result.WallSeconds:0} s of browsing ({Environment.ProcessorCount} processors, {capacity:0} processor-seconds) | processor-seconds | share |");
        md.AppendLine("|---|---:|---:|");
        CpuRow(md, "the app (this process: Kestrel, Blazor, EF Core, SQLite)", cpu.ServerSeconds, capacity);
        CpuRow(md, "Chromium (browser, renderers, utilities)", cpu.ChromiumSeconds, capacity);
        CpuRow(md, "Playwright's driver (node)", cpu.DriverSeconds, capacity);
        CpuRow(md, "the client process driving the users", cpu.ClientSeconds, capacity);
        CpuRow(md, "everything else on the machine", cpu.OthersSeconds, capacity);
        md.AppendLine();
    }

    /// <summary>
    /// With the app at a URL: each server-side figure named, and said to be not measured (never a
    /// zero that could be read as a measurement), then the processor time of this machine's side.
    /// </summary>
    private static void NotMeasuredRows(StringBuilder md, LoadTestResult result)
    {
        var notMeasured = $"not measured: the app ran at {result.RemoteApp}";
        md.AppendLine("| the app's server | figure |");
        md.AppendLine("|---|---|");
        foreach (var figure in (string[])[
            "time per message from a browser, handled on the server",
            "managed heap, resident and private memory (before, while browsing, at the end; per circuit)",
            "circuits open and connections dropped, counted by the app's circuit handler",
            "errors and warnings in the server's log",
            "processor time of the app",
        ])
        {
            md.AppendLine(Invariant, $"| {figure} | {notMeasured} |");
        }

        md.AppendLine();
        var cpu = result.Cpu;
        var capacity = result.WallSeconds * Environment.ProcessorCount;
        md.AppendLine(Invariant, $"| CPU of this machine (the browsers') over the {result.WallSeconds:0} s of browsing ({Environment.ProcessorCount} processors, {capacity:0} processor-seconds) | processor-seconds | share |");
        md.AppendLine("|---|---:|---:|");
        CpuRow(md, "Chromium (browser, renderers, utilities)", cpu.ChromiumSeconds, capacity);
        CpuRow(md, "Playwright's driver (node)", cpu.DriverSeconds, capacity);
        CpuRow(md, "the client process driving the users", cpu.ClientSeconds, capacity);
        CpuRow(md, "everything else on this machine (this harness included)", cpu.OthersSeconds + cpu.ServerSeconds, capacity);
        md.AppendLine();
    }

    private static string RoundName(int index) => string.Create(Invariant, $"round {index + 1}");

    private static void RoundRows(StringBuilder md, string round, CircuitRound r)
    {
        Row(md, $"{round}: users on the businesses grid", r.CircuitsOnGrid, r.OnGrid);
        Row(md, $"{round}: users on a business page", r.CircuitsOnBusiness, r.OnBusiness);
        Row(md, $"{round}: after the users left", r.CircuitsAfter, r.After);
    }

    private static void Row(StringBuilder md, string label, int circuits, ServerMemory m) =>
        md.AppendLine(Invariant, $"| {label} | {circuits} | {MiB(m.ManagedBytes)} | {MiB(m.ResidentBytes)} | {MiB(m.PrivateBytes)} |");

    private static void PerCircuit(StringBuilder md, string label, ServerMemory m) =>
        md.AppendLine(Invariant, $"| {label} | {KiB(m.ManagedBytes)} | {KiB(m.ResidentBytes)} | {KiB(m.PrivateBytes)} |");

    private static void MemoryRow(StringBuilder md, string label, ServerMemory m) =>
        md.AppendLine(Invariant, $"| {label} | {MiB(m.ManagedBytes)} | {MiB(m.ResidentBytes)} | {MiB(m.PrivateBytes)} |");

    private static void LatencyRow(StringBuilder md, string label, InteractionLatency l) =>
        md.AppendLine(Invariant, $"| {label} | {l.Count} | {l.P50:0} | {l.P95:0} | {l.P99:0} | {l.Max:0} | {l.DriverP95:0} |");

    private static void CpuRow(StringBuilder md, string label, double seconds, double capacity) =>
        md.AppendLine(Invariant, $"| {label} | {seconds:0.0} | {(capacity > 0 ? seconds / capacity : 0):0%} |");

    private static void AppendProblems(StringBuilder md, string heading, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(Invariant, $"{heading} ({problems.Count}, the first 20):");
        md.AppendLine();
        foreach (var problem in problems.Take(20))
        {
            md.AppendLine(Invariant, $"- `{problem.Replace('`', '\'').ReplaceLineEndings(" ")}`");
        }

        md.AppendLine();
    }
}
