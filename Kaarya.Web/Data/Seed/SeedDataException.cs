namespace Kaarya.Web.Data.Seed;

/// <summary>
/// A demo data file is wrong. The message names the file, the record and the field, so whoever
/// edited seed-data/ can go straight to the mistake.
/// </summary>
public sealed class SeedDataException : Exception
{
    public SeedDataException(string file, string record, string? field, string problem, Exception? innerException = null)
        : base(Describe(file, record, field, problem), innerException)
    {
        File = file;
        Record = record;
        Field = field;
        Problem = problem;
    }

    public SeedDataException()
        : this("seed-data", "-", null, "The demo data could not be read.")
    {
    }

    public SeedDataException(string message)
        : this("seed-data", "-", null, message)
    {
    }

    public SeedDataException(string message, Exception innerException)
        : this("seed-data", "-", null, message, innerException)
    {
    }

    public string File { get; }

    public string Record { get; }

    public string? Field { get; }

    public string Problem { get; }

    private static string Describe(string file, string record, string? field, string problem) =>
        field is null
            ? $"Demo data {file}, {record}: {problem}"
            : $"Demo data {file}, {record}, field '{field}': {problem}";
}
