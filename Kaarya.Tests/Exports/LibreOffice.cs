using System.Diagnostics;
using System.Text;

namespace Kaarya.Tests.Exports;

/// <summary>
/// LibreOffice Calc, headless, as a real spreadsheet program that did not write the workbook:
/// it converts a workbook to CSV, one file per sheet, each cell as the program shows it, after
/// recalculating every formula. Each conversion has its own profile folder, so conversions
/// running side by side do not meet, and a time limit.
/// </summary>
public static class LibreOffice
{
    public const string Executable = "/usr/bin/soffice";

    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);

    // Recalculate a workbook's formulas on opening it, always (0), rather than trusting the stored values.
    private const string AlwaysRecalculate = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """;

    // CSV: comma, double quotes, UTF-8, from line 1, cells as shown (token 9), every sheet (token 12: -1).
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

    /// <summary>
    /// The workbook test needs LibreOffice. CI installs it (.ci/run) and a missing program fails
    /// there; on a developer's machine without it the test says so and is skipped.
    /// </summary>
    public static void Require()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        var message = $"LibreOffice is not installed at {Executable}: run 'apt-get install --no-install-recommends libreoffice-calc-nogui' (.ci/run does).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    /// <summary>Every sheet of the workbook as LibreOffice shows it after recalculating: rows of cells, by sheet name.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>> SheetsAsCsvAsync(byte[] workbook, CancellationToken cancellationToken)
    {
        var files = await ConvertAsync(workbook, CsvFilter, "workbook-*.csv", cancellationToken);
        var sheets = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (name, bytes) in files)
        {
            sheets[Path.GetFileNameWithoutExtension(name)["workbook-".Length..]] = Csv(Encoding.UTF8.GetString(bytes));
        }

        return sheets;
    }

    /// <summary>The workbook opened and saved again as .xlsx by LibreOffice Calc, as someone filling it in would.</summary>
    public static async Task<byte[]> SavedAgainAsync(byte[] workbook, CancellationToken cancellationToken)
    {
        var files = await ConvertAsync(workbook, "xlsx:Calc MS Excel 2007 XML", "workbook.xlsx", cancellationToken);
        return Assert.Single(files).Value;
    }

    private static async Task<Dictionary<string, byte[]>> ConvertAsync(byte[] workbook, string filter, string pattern, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("kaarya-libreoffice-");
        try
        {
            var input = Path.Combine(folder.FullName, "workbook.xlsx");
            await File.WriteAllBytesAsync(input, workbook, cancellationToken);
            var profile = Path.Combine(folder.FullName, "profile");
            Directory.CreateDirectory(Path.Combine(profile, "user"));
            await File.WriteAllTextAsync(Path.Combine(profile, "user", "registrymodifications.xcu"), AlwaysRecalculate, cancellationToken);
            var output = Path.Combine(folder.FullName, "out");

            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--convert-to", filter, "--outdir", output, input })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var said = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var complained = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice did not convert the workbook within {TimeLimit.TotalSeconds} s.");
            }

            var log = $"{await said}{await complained}";
            Assert.True(process.ExitCode == 0, $"LibreOffice failed ({process.ExitCode}): {log}");
            var files = Directory.Exists(output) ? Directory.GetFiles(output, pattern) : [];
            Assert.True(files.Length > 0, $"LibreOffice wrote no file: {log}");
            var converted = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                converted[Path.GetFileName(file)] = await File.ReadAllBytesAsync(file, cancellationToken);
            }

            return converted;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>RFC 4180 CSV: fields in double quotes may hold commas, line breaks and doubled quotes.</summary>
    private static List<IReadOnlyList<string>> Csv(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
