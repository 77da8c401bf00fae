using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Auditing;
using Kaarya.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Measuring;

/// <summary>One export, measured in a process of its own.</summary>
internal sealed record WorkbookRun(string Writer, double Seconds, double PeakMiB, double AllocatedMiB, long Bytes, long Rows, Dictionary<string, double> StepSeconds);

/// <summary>
/// Issue 5: the ledger workbook for a whole ledger (100,000 entries by default) against a bare
/// streaming writer of the same rows, each run in a fresh child process so that its peak memory
/// is its own: the child exports once to warm up (JIT, EF's query cache, SQLite's pages), then
/// once timed, and reports its wall time, the process's peak resident set (VmHWM) and what it
/// allocated. The two writers take turns, three times each; the medians are compared.
/// </summary>
internal static class WorkbookBenchmark
{
    public const double TargetRatio = 2.0;
    public const double TargetPeakMiB = 400;
    public const int Rounds = 3;

    public const string ChildCommand = "workbook-child";
    public const string Bare = "bare OpenXmlWriter";
    public const string Workbook = "ledger workbook";

    /// <summary>Runs the child processes and returns their figures, bare and workbook alternately.</summary>
    public static async Task<IReadOnlyList<WorkbookRun>> RunAsync(string databasePath, Action<string> progress, CancellationToken cancellationToken)
    {
        var runs = new List<WorkbookRun>();
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var writer in new[] { "bare", "workbook" })
            {
                progress($"round {round} of {Rounds}: {writer}");
                var run = await ChildAsync(databasePath, writer, cancellationToken);
                progress(string.Create(CultureInfo.InvariantCulture, $"  {run.Seconds:0.00} s, peak {run.PeakMiB:0} MiB, allocated {run.AllocatedMiB:0} MiB, {run.Bytes / 1048576.0:0.0} MiB file"));
                runs.Add(run);
            }
        }

        return runs;
    }

    private static async Task<WorkbookRun> ChildAsync(string databasePath, string writer, CancellationToken cancellationToken)
    {
        var start = HarnessProcess.StartInfo(ChildCommand, databasePath, writer);
        start.RedirectStandardOutput = true;

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {writer} run failed ({child.ExitCode}): {output}");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        return JsonSerializer.Deserialize<WorkbookRun>(line)!;
    }

    /// <summary>In the child: one export to warm up, one timed; prints its figures as a line of JSON.</summary>
    public static async Task<int> ChildMainAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var databasePath = args[0];
        var writer = args[1];
        await using var database = await BenchmarkDatabase.OpenAsync(databasePath, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("kaarya-workbook-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "out.xlsx");
            Func<Dictionary<string, double>, Task<long>> export = writer == "bare"
                ? steps => BareAsync(database, file, cancellationToken)
                : steps => WorkbookAsync(database, file, steps, cancellationToken);

            await export([]);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var steps = new Dictionary<string, double>();
            var started = Stopwatch.GetTimestamp();
            var rows = await export(steps);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var run = new WorkbookRun(
                writer == "bare" ? Bare : Workbook, seconds, PeakResidentMiB(),
                (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, new FileInfo(file).Length, rows, steps);
            Console.WriteLine(JsonSerializer.Serialize(run));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The workbook as the app makes it, for the whole ledger, by an auditor.</summary>
    private static async Task<long> WorkbookAsync(BenchmarkDatabase database, string file, Dictionary<string, double> steps, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var export = new LedgerWorkbookExport(database.App, new AuditTrail(database.App, clock), clock);
        var timing = new StepTiming(steps);
        await using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        var result = await export.WriteAsync(
            new LedgerExportFilter(), Viewer.Staff(new Actor("auditor.bench", KaaryaRole.Auditor)), output, timing, cancellationToken);
        timing.Finish();
        return result.Entries;
    }

    /// <summary>
    /// The floor: the same ledger rows, read in sequence from the same database, written as one
    /// plain sheet by the Open XML SDK's OpenXmlWriter into a zip: no styles, no table, no chain
    /// check, no other sheet. Ids stand where the workbook shows names.
    /// </summary>
    private static async Task<long> BareAsync(BenchmarkDatabase database, string file, CancellationToken cancellationToken)
    {
        await using var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ledger" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

        await using var db = await database.App.CreateDbContextAsync(cancellationToken);
        await using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var xml = OpenXmlWriter.Create(part);
        xml.WriteStartDocument(true);
        xml.WriteStartElement(new Worksheet());
        xml.WriteStartElement(new SheetData());
        var rows = 0L;
        var row = new Row();
        var cell = new Cell();
        var value = new CellValue();
        var inline = new InlineString();
        var text = new Text();
        var number = new List<OpenXmlAttribute>();
        var str = new List<OpenXmlAttribute> { new("t", string.Empty, "inlineStr") };
        void Number(string v)
        {
            xml.WriteStartElement(cell, number);
            xml.WriteStartElement(value);
            xml.WriteString(v);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        void Text(string v)
        {
            xml.WriteStartElement(cell, str);
            xml.WriteStartElement(inline);
            xml.WriteStartElement(text);
            xml.WriteString(v);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        var epoch = new DateOnly(1899, 12, 30).DayNumber;
        await foreach (var e in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            xml.WriteStartElement(row);
            Number(e.Sequence.ToString(CultureInfo.InvariantCulture));
            Number((e.PostedAt.UtcDateTime.ToOADate()).ToString(CultureInfo.InvariantCulture));
            Number((e.ValueDate.DayNumber - epoch).ToString(CultureInfo.InvariantCulture));
            Text(e.BusinessId.ToString());
            Text(e.DecisionId.ToString());
            Text(e.ReversesSequence?.ToString(CultureInfo.InvariantCulture) ?? "Disbursement");
            Number((e.AmountPaise / (decimal)Money.PaisePerRupee).ToString(CultureInfo.InvariantCulture));
            Text(e.Method.ToString());
            Text(e.Reference);
            Text(e.FunderId.ToString());
            Text(e.PhaseId.ToString());
            Text(e.RecordedBy);
            Text(e.ApprovedBy);
            Text(e.Hash);
            xml.WriteEndElement();
            rows++;
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.Close();
        return rows;
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private const string Start = "<!-- workbook-results:start: written by benchmarks/Kaarya.Benchmarks workbook, edits here are overwritten -->";
    private const string End = "<!-- workbook-results:end -->";

    /// <summary>Writes the figures between the workbook markers of the report; returns whether both targets were met.</summary>
    public static async Task<bool> WriteReportAsync(string path, string command, string machine, IReadOnlyList<WorkbookRun> runs, CancellationToken cancellationToken)
    {
        var bare = runs.Where(r => r.Writer == Bare).ToList();
        var book = runs.Where(r => r.Writer == Workbook).ToList();
        var ratio = Median(book.Select(r => r.Seconds)) / Median(bare.Select(r => r.Seconds));
        var peak = book.Max(r => r.PeakMiB);
        var met = ratio <= TargetRatio && peak < TargetPeakMiB;
        var i = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(i, $"### Latest workbook run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(i, $"`{command}`, {machine}");
        md.AppendLine();
        md.AppendLine("| writer | rows | median s | runs (s) | peak resident MiB (max) | allocated MiB (median) | file MiB |");
        md.AppendLine("|---|---:|---:|---|---:|---:|---:|");
        foreach (var group in new[] { bare, book })
        {
            md.AppendLine(i, $"| {group[0].Writer} | {group[0].Rows:N0} | {Median(group.Select(r => r.Seconds)):0.00} | {string.Join(", ", group.Select(r => r.Seconds.ToString("0.00", i)))} | {group.Max(r => r.PeakMiB):0} | {Median(group.Select(r => r.AllocatedMiB)):0} | {group[0].Bytes / 1048576.0:0.0} |");
        }

        md.AppendLine();
        md.AppendLine("| workbook step (median s) | " + string.Join(" | ", book[0].StepSeconds.Keys) + " |");
        md.AppendLine("|---|" + string.Concat(book[0].StepSeconds.Keys.Select(_ => "---:|")));
        md.AppendLine("| | " + string.Join(" | ", book[0].StepSeconds.Keys.Select(k => Median(book.Select(r => r.StepSeconds.GetValueOrDefault(k))).ToString("0.00", i))) + " |");
        md.AppendLine();
        md.AppendLine(i, $"Time ratio workbook / bare writer: **{ratio:0.00}x** (target at most {TargetRatio:0.0}x: {(ratio <= TargetRatio ? "met" : "MISSED")}). Peak resident memory of the workbook's process: **{peak:0} MiB** (target under {TargetPeakMiB:0} MiB: {(peak < TargetPeakMiB ? "met" : "MISSED")}).");
        await Reporting.ReportSection.WriteAsync(path, Start, End, md.ToString(), cancellationToken);
        return met;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The process's peak resident set since it started (VmHWM), in MiB; Linux only, else the working set's peak.</summary>
    private static double PeakResidentMiB()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>Seconds spent in each step of the export, from its progress reports.</summary>
    private sealed class StepTiming(Dictionary<string, double> steps) : IProgress<ExportProgress>
    {
        private ExportStep? _step;
        private long _stepStarted;

        public void Report(ExportProgress value)
        {
            if (value.Step == _step)
            {
                return;
            }

            Finish();
            _step = value.Step;
            _stepStarted = Stopwatch.GetTimestamp();
        }

        public void Finish()
        {
            if (_step is { } step)
            {
                steps[step.ToString()] = steps.GetValueOrDefault(step.ToString()) + Stopwatch.GetElapsedTime(_stepStarted).TotalSeconds;
            }

            _step = null;
        }
    }
}
