using System.Globalization;
using Kaarya.Domain.Participants;

namespace Kaarya.Benchmarks.Generation;

/// <summary>
/// Synthetic participant codes, SYA-0001 to SYJ-1000 for 10,000 participants: a code is two to
/// five capitals and two to four digits, so the participants are spread over several prefixes.
/// </summary>
internal static class ParticipantCodes
{
    private const int Prefixes = 26;
    private const int MaxPerPrefix = 9_999;

    public static void EnsureRoomFor(int participants)
    {
        if (participants > Prefixes * MaxPerPrefix)
        {
            throw new ArgumentOutOfRangeException(nameof(participants), $"At most {Prefixes * MaxPerPrefix:N0} participants have synthetic codes.");
        }
    }

    public static ParticipantCode For(int index, int participants)
    {
        var perPrefix = Math.Clamp((participants + 9) / 10, 100, MaxPerPrefix);
        var prefix = (char)('A' + (index / perPrefix));
        return ParticipantCode.Create(string.Create(CultureInfo.InvariantCulture, $"SY{prefix}-{(index % perPrefix) + 1:D4}"));
    }
}
