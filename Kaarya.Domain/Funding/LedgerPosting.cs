using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

/// <summary>
/// Everything a ledger entry says except its place in the chain. An approval or a reversal
/// produces one; <see cref="LedgerEntry.Append"/> gives it a sequence number and a hash.
/// </summary>
public sealed record LedgerPosting(
    Guid BusinessId,
    Guid PhaseId,
    Guid DecisionId,
    Guid? RequestId,
    Guid FunderId,
    Money Amount,
    DateOnly ValueDate,
    PaymentMethod Method,
    string Reference,
    string RecordedBy,
    string ApprovedBy,
    long? ReversesSequence,
    string Reason);

/// <summary>The sequence number and hash of the last entry: where the next entry is chained on.</summary>
public sealed record LedgerHead(long Sequence, string Hash)
{
    /// <summary>The head of an empty ledger: the first entry follows sequence 0 and a hash of zeros.</summary>
    public static LedgerHead Genesis { get; } = new(0, LedgerEntry.GenesisHash);
}
