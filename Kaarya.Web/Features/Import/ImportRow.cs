using System.Globalization;
using Kaarya.Domain.Common;

namespace Kaarya.Web.Features.Import;

/// <summary>
/// One filled row of a register sheet as the reader found it, with typed readers for its cells.
/// A reader that cannot make sense of a cell notes a problem against the row and column and
/// returns nothing, so one pass over a row reports every bad cell in it.
/// </summary>
public sealed class ImportRow
{
    private static readonly string[] DateShapes = ["dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private readonly IReadOnlyDictionary<string, object?> _cells;
    private readonly List<ImportProblem> _problems = [];

    public ImportRow(ImportSheet sheet, int number, IReadOnlyDictionary<string, object?> cells)
    {
        Sheet = sheet ?? throw new ArgumentNullException(nameof(sheet));
        Number = number;
        _cells = cells ?? throw new ArgumentNullException(nameof(cells));
    }

    public ImportSheet Sheet { get; }

    /// <summary>The row's number as the spreadsheet shows it (the headers are row 1).</summary>
    public int Number { get; }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public void Problem(string column, string key, string sentence, params string[] arguments)
    {
        // A cell read twice (once to sort the rows, once to use it) is reported once.
        var problem = new ImportProblem(Sheet.Name, Number, column, $"Import.Problem.{key}", arguments, sentence);
        if (!_problems.Exists(p => p.Column == column && p.Key == problem.Key))
        {
            _problems.Add(problem);
        }
    }

    /// <summary>A field rule of one of the domain's input validators, keyed as the forms key it.</summary>
    public void Invalid<TInput>(string column, FluentValidation.Results.ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _problems.Add(new ImportProblem(Sheet.Name, Number, column, $"Validation.{typeof(TInput).Name}.{failure.PropertyName}.{failure.ErrorCode}", [], failure.ErrorMessage));
    }

    public bool HasProblemIn(string column) => _problems.Exists(p => p.Column == column);

    /// <summary>A programme rule refused the row: the domain's own code and sentence.</summary>
    public void Refused(string column, DomainException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        _problems.Add(new ImportProblem(Sheet.Name, Number, column, $"Refusal.{refused.Code}", [], refused.Message) { Refused = refused });
    }

    /// <summary>Runs a domain step; a refusal becomes a problem of this row and the result is null.</summary>
    public T? Apply<T>(string column, Func<T> step)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return step();
        }
        catch (DomainException refused)
        {
            Refused(column, refused);
            return null;
        }
    }

    public bool Apply(string column, Action step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            step();
            return true;
        }
        catch (DomainException refused)
        {
            Refused(column, refused);
            return false;
        }
    }

    public string Text(string column)
    {
        var value = Raw(column);
        var text = value switch
        {
            null => string.Empty,
            string s => s.Trim(),
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime t => t.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            bool b => b ? "Yes" : "No",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty,
        };
        if (text.Length == 0 && IsRequired(column))
        {
            Problem(column, "Missing", $"\"{column}\" is empty; it is needed.", column);
        }

        return text;
    }

    public DateOnly? Date(string column)
    {
        switch (Raw(column))
        {
            case null:
                return Missing<DateOnly?>(column);
            case DateTime moment:
                return DateOnly.FromDateTime(moment);
            case double serial when serial is >= 1 and < 2_958_466:
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            case string text when DateOnly.TryParseExact(text.Trim(), DateShapes, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date;
            default:
                Problem(column, "NotADate", $"\"{Text(column)}\" is not a date; write it as dd-MM-yyyy.", Text(column));
                return null;
        }
    }

    /// <summary>
    /// Rupees, exactly: a spreadsheet number is taken as the decimal it shows (never summed as a
    /// double), text is read as the app's forms read it; a fraction of a paisa is refused.
    /// </summary>
    public Money? Amount(string column)
    {
        switch (Raw(column))
        {
            case null:
                return Missing<Money?>(column);
            case double number when !double.IsFinite(number) || Math.Abs(number) > 1e15:
                break;
            case double number when Money.TryFromRupees(decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture), out var exact):
                return exact;
            case string text when Money.TryParse(text, out var typed):
                return typed;
            default:
                break;
        }

        Problem(column, "NotAnAmount", $"\"{Text(column)}\" is not an amount in rupees (for example 12,500 or 12500.50; no fraction of a paisa).", Text(column));
        return null;
    }

    /// <summary>One value of an enum, written as its name with or without spaces ("Bank transfer", "BankTransfer").</summary>
    public TEnum? Choice<TEnum>(string column)
        where TEnum : struct, Enum
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (ImportWords.TryEnum<TEnum>(text, out var value))
        {
            return value;
        }

        Problem(column, "NotInList", $"\"{text}\" is not one of: {ImportWords.Choices<TEnum>()}.", text, ImportWords.Choices<TEnum>());
        return null;
    }

    public bool? YesNo(string column)
    {
        var value = Raw(column);
        if (value is bool flag)
        {
            return flag;
        }

        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Equals("Yes", StringComparison.OrdinalIgnoreCase) || text.Equals("Y", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("No", StringComparison.OrdinalIgnoreCase) || text.Equals("N", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Problem(column, "NotYesNo", $"\"{text}\" is neither Yes nor No.", text);
        return null;
    }

    private object? Raw(string column)
    {
        Sheet.IndexOf(column);
        var value = _cells.GetValueOrDefault(column);
        return value is string s && string.IsNullOrWhiteSpace(s) ? null : value;
    }

    private T? Missing<T>(string column)
    {
        if (IsRequired(column))
        {
            Problem(column, "Missing", $"\"{column}\" is empty; it is needed.", column);
        }

        return default;
    }

    private bool IsRequired(string column) => Sheet.Columns[Sheet.IndexOf(column)].Required;
}

/// <summary>How the programme's lists are written in the workbook: enum names with spaces ("Bank transfer").</summary>
public static class ImportWords
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Spaced(value.ToString());

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of).ToList();

    public static string Choices<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", All<TEnum>());

    public static bool TryEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var squeezed = Squeeze(text);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Squeeze(candidate.ToString()), squeezed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>"BankTransfer" as "Bank transfer"; an all-capital word such as NGO is kept.</summary>
    public static string Spaced(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }

        return words.ToString();
    }

    private static string Squeeze(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray());
}
