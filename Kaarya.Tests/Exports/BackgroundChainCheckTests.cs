using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Tests.Domain;
using Kaarya.Web.Features.Exports;

namespace Kaarya.Tests.Exports;

/// <summary>
/// The workbook walks the hash chain on another thread while it reads the ledger: its verdict
/// must be the one the verifier gives walking the same entries itself, across many batches.
/// </summary>
public class BackgroundChainCheckTests
{
    private const int Entries = 1_300;

    [Fact]
    public async Task An_intact_chain_of_many_batches_is_intact_through_its_last_entry()
    {
        var ledger = Chain();

        var verdict = await WalkInBackgroundAsync(ledger.Entries);

        Assert.True(verdict.IsIntact);
        Assert.Equal(Entries, verdict.EntriesChecked);
        Assert.Equal(ledger.Head.Hash, verdict.HeadHash);
    }

    [Fact]
    public async Task A_tampered_entry_in_a_later_batch_gives_the_verdict_of_walking_the_chain_in_place()
    {
        var ledger = Chain();
        Tampering.AlterAmount(ledger.Entries[899], Money.FromRupees(1));

        var verdict = await WalkInBackgroundAsync(ledger.Entries);

        Assert.Equal(LedgerChainVerifier.Verify(ledger.Entries), verdict);
        Assert.False(verdict.IsIntact);
        Assert.Equal(900L, verdict.FirstBadSequence);
    }

    [Fact]
    public async Task A_cancelled_walk_stops_and_says_so()
    {
        var ledger = Chain();
        using var cancel = new CancellationTokenSource();
        await using var check = BackgroundChainCheck.Start(cancel.Token);
        await check.AcceptAsync(ledger.Entries[0], cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            foreach (var entry in ledger.Entries.Skip(1))
            {
                await check.AcceptAsync(entry, cancel.Token);
            }

            await check.ResultAsync(cancel.Token);
        });
    }

    private static LedgerBuilder Chain()
    {
        var ledger = new LedgerBuilder();
        for (var i = 0; i < Entries; i++)
        {
            ledger.Disburse(Money.FromRupees(100 + i));
        }

        return ledger;
    }

    private static async Task<ChainVerification> WalkInBackgroundAsync(IEnumerable<LedgerEntry> entries)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var check = BackgroundChainCheck.Start(cancellationToken);
        foreach (var entry in entries)
        {
            await check.AcceptAsync(entry, cancellationToken);
        }

        return await check.ResultAsync(cancellationToken);
    }
}
