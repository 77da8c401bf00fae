using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaarya.Web.Data.Seed;

/// <summary>The five demo files, read and checked for shape before anything is stored.</summary>
internal sealed record SeedFileSet(
    ProgrammeFile Programme,
    List<ParticipantSeed> Participants,
    List<BusinessSeed> Businesses,
    FundingFile Funding,
    List<UserSeed> Users)
{
    public const string ProgrammeFileName = "programme.json";
    public const string ParticipantsFileName = "participants.json";
    public const string BusinessesFileName = "businesses.json";
    public const string FundingFileName = "funding.json";
    public const string UsersFileName = "users.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field is an error that names it, not a value silently left out.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<SeedFileSet> ReadAsync(string folder, CancellationToken cancellationToken) =>
        new(
            await ReadAsync<ProgrammeFile>(folder, ProgrammeFileName, cancellationToken),
            await ReadAsync<List<ParticipantSeed>>(folder, ParticipantsFileName, cancellationToken),
            await ReadAsync<List<BusinessSeed>>(folder, BusinessesFileName, cancellationToken),
            await ReadAsync<FundingFile>(folder, FundingFileName, cancellationToken),
            await ReadAsync<List<UserSeed>>(folder, UsersFileName, cancellationToken));

    private static async Task<T> ReadAsync<T>(string folder, string name, CancellationToken cancellationToken)
        where T : class
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new SeedDataException(name, "the file", null, $"is missing from {folder}.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken)
                ?? throw new SeedDataException(name, "the file", null, "is empty (null).");
        }
        catch (JsonException unreadable)
        {
            var line = unreadable.LineNumber is { } number ? $"line {number + 1}" : "the file";
            throw new SeedDataException(name, line, unreadable.Path, FirstSentence(unreadable.Message), unreadable);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
