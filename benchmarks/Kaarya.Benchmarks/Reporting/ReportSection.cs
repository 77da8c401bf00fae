namespace Kaarya.Benchmarks.Reporting;

/// <summary>
/// One measurement's section of docs/benchmarks.md: the text between its two markers is replaced
/// by each run, and everything else in the file (how to rerun, what the figures mean, findings) is
/// left as people wrote it. A section whose markers are missing is added at the end.
/// </summary>
internal static class ReportSection
{
    public static string Start(string name) =>
        $"<!-- {name}-results:start: written by benchmarks/Kaarya.Benchmarks, edits here are overwritten -->";

    public static string End(string name) => $"<!-- {name}-results:end -->";

    /// <summary>Puts <paramref name="markdown"/> between the markers named <paramref name="name"/>.</summary>
    public static Task WriteAsync(string path, string name, string markdown, CancellationToken cancellationToken) =>
        WriteAsync(path, Start(name), End(name), markdown, cancellationToken);

    public static async Task WriteAsync(string path, string start, string end, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var section = $"{start}\n{markdown.TrimEnd('\n')}\n{end}";
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "# Benchmarks\n";
        var from = existing.IndexOf(start, StringComparison.Ordinal);
        var to = existing.IndexOf(end, StringComparison.Ordinal);
        var text = from >= 0 && to > from
            ? string.Concat(existing.AsSpan(0, from), section, existing.AsSpan(to + end.Length))
            : existing.TrimEnd('\n') + "\n\n" + section + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, cancellationToken);
    }
}
