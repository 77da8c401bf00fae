using System.Buffers;
using System.Collections.Concurrent;

namespace Kaarya.Web.Features.Exports.Xlsx;

/// <summary>
/// A write-only stream that hands what is written to it, in chunks, to a thread of its own, which
/// writes them on to the inner stream. Put in front of a zip entry, it lets the compression of a
/// big sheet run on the second core while the first one is still producing the sheet's XML. The
/// order of the bytes is kept; at most a few chunks wait between the two threads. Disposing it
/// writes the rest and waits for the inner stream to have everything; a failure of the inner
/// stream is thrown to the writer, at its next write or at the latest when it disposes.
/// </summary>
public sealed class HandOffStream : Stream
{
    private const int ChunkSize = 256 * 1024;
    private const int ChunksInFlight = 4;

    private readonly Stream _inner;
    private readonly BlockingCollection<(byte[] Buffer, int Count)> _chunks = new(ChunksInFlight);
    private readonly Thread _pump;
    private byte[] _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _filled;
    private volatile Exception? _failure;
    private bool _disposed;

    public HandOffStream(Stream inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _pump = new Thread(Pump) { IsBackground = true, Name = "Kaarya workbook writer" };
        _pump.Start();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            var room = _current.Length - _filled;
            var take = Math.Min(room, buffer.Length);
            buffer[..take].CopyTo(_current.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == _current.Length)
            {
                HandOver();
            }
        }
    }

    /// <summary>Nothing to do: the chunks go on as they fill, and the rest when disposed.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (_failure is null)
                {
                    HandOver();
                }
            }
            finally
            {
                _chunks.CompleteAdding();
                _pump.Join();
                _chunks.Dispose();
                ArrayPool<byte>.Shared.Return(_current);
            }

            ThrowIfFailed();
        }

        base.Dispose(disposing);
    }

    private void HandOver()
    {
        ThrowIfFailed();
        if (_filled == 0)
        {
            return;
        }

        try
        {
            _chunks.Add((_current, _filled));
        }
        catch (InvalidOperationException) when (_failure is not null)
        {
            // The pump stopped taking chunks because the inner stream failed: say why.
            ThrowIfFailed();
        }

        _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _filled = 0;
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new IOException("Writing the workbook failed.", _failure);
        }
    }

    private void Pump()
    {
        foreach (var (buffer, count) in _chunks.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null)
                {
                    _inner.Write(buffer, 0, count);
                }
            }
            catch (Exception failure)
            {
                _failure = failure;
                _chunks.CompleteAdding();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
