using System.Globalization;
using Kaarya.Domain.Common;

namespace Kaarya.Web.Data.Seed;

/// <summary>
/// Reads the fields of one demo record, turning every missing or unreadable value, and every
/// refusal by the domain, into a <see cref="SeedDataException"/> that names file, record and field.
/// </summary>
internal sealed class SeedRecord(string file, string record)
{
    public string File { get; } = file;

    public string Record { get; } = record;

    public SeedRecord Child(string name) => new(File, $"{Record} > {name}");

    public string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(field, "is missing.") : value;

    public static string OptionalText(string? value) => value ?? string.Empty;

    public DateOnly Date(string? value, string field) =>
        DateOnly.TryParseExact(Text(value, field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail(field, $"\"{value}\" is not a date written as yyyy-MM-dd.");

    public DateOnly? OptionalDate(string? value, string field) => value is null ? null : Date(value, field);

    public DateTimeOffset Instant(string? value, string field) =>
        DateTimeOffset.TryParse(Text(value, field), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && value!.Length > 10
            ? instant
            : throw Fail(field, $"\"{value}\" is not a date and time such as 2013-09-12T11:30:00+05:30.");

    public Money Amount(string? value, string field) =>
        Money.TryParse(Text(value, field), out var money)
            ? money
            : throw Fail(field, $"\"{value}\" is not an amount in rupees such as 12,500.");

    public TEnum Choice<TEnum>(string? value, string field)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(Text(value, field), ignoreCase: false, out var choice) && Enum.IsDefined(choice)
            ? choice
            : throw Fail(field, $"\"{value}\" is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    public T Lookup<T>(IReadOnlyDictionary<string, T> known, string? key, string field, string what) =>
        known.TryGetValue(Text(key, field), out var found)
            ? found
            : throw Fail(field, $"there is no {what} \"{key}\".");

    public List<T> List<T>(List<T>? value, string field) => value ?? throw Fail(field, "is missing.");

    /// <summary>Runs domain code for this record; a refusal is reported against the record.</summary>
    public T Apply<T>(Func<T> build, string? field = null)
    {
        try
        {
            return build();
        }
        catch (DomainException refused)
        {
            throw Fail(field, refused.Message, refused);
        }
    }

    public void Apply(Action build, string? field = null) => Apply<bool>(() =>
    {
        build();
        return true;
    }, field);

    public SeedDataException Fail(string? field, string problem, Exception? cause = null) => new(File, Record, field, problem, cause);
}
