using System.Threading.Channels;
using Kaarya.Domain.Funding;

namespace Kaarya.Web.Features.Exports;

/// <summary>
/// Re-walks the hash chain on another thread while the export reads the ledger and spools its
/// rows: SHA-256 over every entry is the biggest single cost of the read, and on a machine with
/// two cores it then overlaps the reading instead of adding to it. Entries are handed over in
/// batches, in sequence, to one <see cref="LedgerChainVerifier"/>; the verdict is the same as
/// walking them on the reading thread. Entries are read without tracking and never changed, so
/// the two threads share them safely.
/// </summary>
public sealed class BackgroundChainCheck : IAsyncDisposable
{
    private const int BatchSize = 512;

    // A few batches in flight: enough to keep the walker busy, little enough to bound the memory.
    private readonly Channel<ArraySegment<LedgerEntry>> _batches = Channel.CreateBounded<ArraySegment<LedgerEntry>>(
        new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly LedgerChainVerifier _verifier = new();
    private readonly Task _walker;
    private LedgerEntry[] _batch = new LedgerEntry[BatchSize];
    private int _count;

    private BackgroundChainCheck(CancellationToken cancellationToken)
    {
        _walker = Task.Run(() => WalkAsync(cancellationToken), cancellationToken);
    }

    public static BackgroundChainCheck Start(CancellationToken cancellationToken = default) => new(cancellationToken);

    /// <summary>Hands over the next entry of the ledger, in sequence.</summary>
    public ValueTask AcceptAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _batch[_count++] = entry;
        return _count == BatchSize ? HandOverAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Waits for the walk to reach the last entry handed over, and gives its verdict.</summary>
    public async Task<ChainVerification> ResultAsync(CancellationToken cancellationToken = default)
    {
        await HandOverAsync(cancellationToken);
        _batches.Writer.TryComplete();
        await _walker;
        return _verifier.Result();
    }

    public async ValueTask DisposeAsync()
    {
        _batches.Writer.TryComplete();
        try
        {
            await _walker;
        }
        catch (OperationCanceledException)
        {
            // The export was cancelled: the walk stopped with it.
        }
    }

    private async ValueTask HandOverAsync(CancellationToken cancellationToken)
    {
        if (_count == 0)
        {
            return;
        }

        var full = new ArraySegment<LedgerEntry>(_batch, 0, _count);
        _batch = new LedgerEntry[BatchSize];
        _count = 0;
        await _batches.Writer.WriteAsync(full, cancellationToken);
    }

    private async Task WalkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in _batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var entry in batch)
                {
                    // Once the chain is broken the verifier keeps its first failure and checks no more.
                    _verifier.Accept(entry);
                }
            }
        }
        catch (Exception failure)
        {
            // The reading thread must not wait for room that a stopped walker will never make.
            _batches.Writer.TryComplete(failure);
            throw;
        }
    }
}
