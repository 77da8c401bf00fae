using System.Globalization;

namespace Kaarya.Web.Features.Import;

/// <summary>
/// One thing wrong with one row (or with the file): where it is, and what is wrong, as a resource
/// key with its arguments so the page says it in her language, and the English sentence for when
/// no key says it. A programme rule's refusal is kept whole, to be said as every screen says a
/// refusal (its code, its variant and its values).
/// </summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string Key, IReadOnlyList<string> Arguments, string Sentence)
{
    public Kaarya.Domain.Common.DomainException? Refused { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sheet} row {Row}, {Column}: {Sentence}");
}

/// <summary>The file is not an import workbook at all: nothing in it was read.</summary>
public sealed class ImportFileRefusedException(string key, string sentence, params string[] arguments) : Exception(sentence)
{
    public string Key { get; } = key;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}
