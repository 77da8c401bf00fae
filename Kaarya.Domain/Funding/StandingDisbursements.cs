namespace Kaarya.Domain.Funding;

/// <summary>
/// The disbursements that still stand among a business's ledger entries: those no reversal has
/// taken back. They are what she received, and what she reports her uses of the money against.
/// </summary>
public static class StandingDisbursements
{
    public static IReadOnlyList<LedgerEntry> Among(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var reversed = list.Where(e => e.ReversesSequence is not null).Select(e => e.ReversesSequence!.Value).ToHashSet();
        return [.. list.Where(e => e.Kind == LedgerEntryKind.Disbursement && !reversed.Contains(e.Sequence)).OrderBy(e => e.Sequence)];
    }
}
