namespace Kaarya.Domain.Funding;

/// <summary>The outcome of re-walking the ledger.</summary>
public sealed record ChainVerification(bool IsIntact, long EntriesChecked, string HeadHash, long? FirstBadSequence, string? Problem)
{
    public static ChainVerification Intact(long entriesChecked, string headHash) => new(true, entriesChecked, headHash, null, null);

    public static ChainVerification Broken(long entriesChecked, string headHash, long sequence, string problem) =>
        new(false, entriesChecked, headHash, sequence, problem);
}

/// <summary>
/// Re-walks the ledger from the first entry: numbers follow one another without a gap, each entry
/// names its predecessor's hash, and each hash matches the entry's content. Stops at the first
/// entry that fails and names it.
/// </summary>
public sealed class LedgerChainVerifier
{
    private LedgerHead _head = LedgerHead.Genesis;
    private long _checked;
    private ChainVerification? _failure;

    public bool HasFailed => _failure is not null;

    /// <summary>Checks the next entry; returns false once the chain is broken.</summary>
    public bool Accept(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_failure is not null)
        {
            return false;
        }

        var expected = _head.Sequence + 1;
        string? problem = null;
        if (entry.Sequence != expected)
        {
            problem = entry.Sequence > expected
                ? $"Entry #{expected} is missing: the ledger jumps from #{_head.Sequence} to #{entry.Sequence}."
                : $"Entry #{entry.Sequence} appears again after #{_head.Sequence}.";
            _failure = ChainVerification.Broken(_checked, _head.Hash, expected, problem);
            return false;
        }

        if (!string.Equals(entry.PreviousHash, _head.Hash, StringComparison.Ordinal))
        {
            problem = $"Entry #{entry.Sequence} does not follow on from entry #{_head.Sequence}: its previous hash differs.";
        }
        else if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
        {
            problem = $"Entry #{entry.Sequence} has been altered: its content no longer matches its hash.";
        }

        if (problem is not null)
        {
            _failure = ChainVerification.Broken(_checked, _head.Hash, entry.Sequence, problem);
            return false;
        }

        _checked++;
        _head = entry.AsHead();
        return true;
    }

    public ChainVerification Result() => _failure ?? ChainVerification.Intact(_checked, _head.Hash);

    /// <summary>Walks entries as they are read, in sequence, stopping at the first break.</summary>
    public static async Task<ChainVerification> VerifyAsync(IAsyncEnumerable<LedgerEntry> entriesInSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        var verifier = new LedgerChainVerifier();
        await foreach (var entry in entriesInSequence.WithCancellation(cancellationToken))
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Result();
    }

    public static ChainVerification Verify(IEnumerable<LedgerEntry> entriesInSequence)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        var verifier = new LedgerChainVerifier();
        foreach (var entry in entriesInSequence)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Result();
    }
}
