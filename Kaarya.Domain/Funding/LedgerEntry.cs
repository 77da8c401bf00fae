using System.Security.Cryptography;
using System.Text;
using Kaarya.Domain.Common;

namespace Kaarya.Domain.Funding;

public enum LedgerEntryKind
{
    Disbursement = 1,
    Reversal = 2,
}

/// <summary>
/// One posted line of the seed-fund ledger. It has no setter that code outside this class can
/// reach, and nothing changes it once made: a mistake is corrected by a reversal entry. Each
/// entry carries the hash of the one before, so an altered or removed entry breaks the chain.
/// The canonical form that is hashed is documented in docs/ledger-hash-chain.md.
/// </summary>
public sealed class LedgerEntry
{
    public const int HashLength = 64;
    public static readonly string GenesisHash = new('0', HashLength);

    private LedgerEntry()
    {
        Reference = string.Empty;
        RecordedBy = string.Empty;
        ApprovedBy = string.Empty;
        Reason = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public long Sequence { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public DateOnly ValueDate { get; private set; }

    /// <summary>The amount in whole paise: positive for a disbursement, negative for a reversal.</summary>
    public long AmountPaise { get; private set; }

    public Money Amount => Money.FromPaise(AmountPaise);

    public PaymentMethod Method { get; private set; }

    public string Reference { get; private set; }

    public Guid FunderId { get; private set; }

    public Guid PhaseId { get; private set; }

    public Guid BusinessId { get; private set; }

    public Guid DecisionId { get; private set; }

    public Guid? RequestId { get; private set; }

    public string RecordedBy { get; private set; }

    public string ApprovedBy { get; private set; }

    /// <summary>The entry this one reverses, for a reversal.</summary>
    public long? ReversesSequence { get; private set; }

    /// <summary>Why a reversal was made; empty for a disbursement.</summary>
    public string Reason { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public LedgerEntryKind Kind => ReversesSequence is null ? LedgerEntryKind.Disbursement : LedgerEntryKind.Reversal;

    public LedgerHead AsHead() => new(Sequence, Hash);

    /// <summary>Chains a posting on after <paramref name="head"/>.</summary>
    public static LedgerEntry Append(LedgerHead head, LedgerPosting posting, DateTimeOffset postedAt)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(posting);
        EnsureWellFormed(posting);
        var entry = new LedgerEntry
        {
            Sequence = head.Sequence + 1,
            // Milliseconds, in UTC: exactly what every store keeps, so the hash survives a round trip.
            PostedAt = TruncateToMilliseconds(postedAt.ToUniversalTime()),
            ValueDate = posting.ValueDate,
            AmountPaise = posting.Amount.Paise,
            Method = posting.Method,
            Reference = posting.Reference,
            FunderId = posting.FunderId,
            PhaseId = posting.PhaseId,
            BusinessId = posting.BusinessId,
            DecisionId = posting.DecisionId,
            RequestId = posting.RequestId,
            RecordedBy = posting.RecordedBy,
            ApprovedBy = posting.ApprovedBy,
            ReversesSequence = posting.ReversesSequence,
            Reason = posting.Reason,
            PreviousHash = head.Hash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>
    /// The posting that reverses this entry. Only a programme manager reverses; a reversal cannot
    /// itself be reversed, an entry is reversed at most once, and the reversal's value date must
    /// lie in an open period.
    /// </summary>
    public LedgerPosting ReversalPosting(Actor manager, string reason, DateOnly valueDate, bool alreadyReversed, DateOnly? closedThrough)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("reverse a ledger entry");
        Rule.Require(Kind == LedgerEntryKind.Disbursement, "reverse-reversal", $"Entry #{Sequence} is itself a reversal and cannot be reversed.");
        Rule.Require(!alreadyReversed, "already-reversed", $"Entry #{Sequence} has already been reversed.");
        Rule.Require(valueDate >= ValueDate, "reversal-before-entry", "A reversal cannot be dated before the entry it reverses.");
        AccountingPeriod.EnsureOpen(valueDate, closedThrough);
        var why = Rule.RequiredText(reason, "The reason for the reversal", TextLimits.Passage);
        return new LedgerPosting(
            BusinessId, PhaseId, DecisionId, RequestId: null, FunderId, -Amount, valueDate, Method, Reference,
            manager.UserId, manager.UserId, Sequence, why);
    }

    /// <summary>
    /// A disbursement is positive and approved by someone other than its recorder; a reversal is
    /// negative. Postings come from <see cref="DisbursementRequest.Approve"/> and
    /// <see cref="ReversalPosting"/>; this is the ledger's own last check.
    /// </summary>
    private static void EnsureWellFormed(LedgerPosting posting)
    {
        Rule.Require(!string.IsNullOrWhiteSpace(posting.RecordedBy) && !string.IsNullOrWhiteSpace(posting.ApprovedBy),
            "posting-unsigned", "A ledger entry needs who recorded it and who approved it.");
        if (posting.ReversesSequence is null)
        {
            Rule.Require(posting.Amount.IsPositive, "posting-not-positive", "A disbursement posted to the ledger must be more than ₹0.");
            Rule.Require(!string.Equals(posting.RecordedBy, posting.ApprovedBy, StringComparison.Ordinal), "four-eyes", "ledger",
                "A disbursement must be approved by someone other than the person who recorded it.");
        }
        else
        {
            Rule.Require(posting.Amount.IsNegative, "reversal-not-negative", "A reversal takes money back out: its amount is negative.");
        }
    }

    /// <summary>SHA-256 of the canonical form, as 64 lowercase hex digits.</summary>
    public string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LedgerCanonicalForm.Of(this))));

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
