using System.Globalization;
using System.Text;

namespace Kaarya.Domain.Funding;

/// <summary>
/// The exact text a ledger entry's hash is computed over (version 1). Anyone can recompute it by
/// hand from the documented rules in docs/ledger-hash-chain.md; changing a single character of
/// this format breaks every stored hash, so a new format must get a new version line.
/// </summary>
public static class LedgerCanonicalForm
{
    public const string Version = "kaarya-ledger-v1";

    public static string Of(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(512);
        text.Append(Version).Append('\n');
        Field(text, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "postedAt", entry.PostedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Field(text, "valueDate", entry.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(text, "amountPaise", entry.AmountPaise.ToString(CultureInfo.InvariantCulture));
        Field(text, "method", entry.Method.ToString());
        Field(text, "reference", entry.Reference);
        Field(text, "funderId", Id(entry.FunderId));
        Field(text, "phaseId", Id(entry.PhaseId));
        Field(text, "businessId", Id(entry.BusinessId));
        Field(text, "decisionId", Id(entry.DecisionId));
        Field(text, "requestId", entry.RequestId is { } request ? Id(request) : string.Empty);
        Field(text, "recordedBy", entry.RecordedBy);
        Field(text, "approvedBy", entry.ApprovedBy);
        Field(text, "reversesSequence", entry.ReversesSequence?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        Field(text, "reason", entry.Reason);
        Field(text, "previousHash", entry.PreviousHash);
        return text.ToString();
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string name, string value)
    {
        text.Append(name).Append('=');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                default: text.Append(c); break;
            }
        }

        text.Append('\n');
    }
}
