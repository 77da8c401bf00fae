using Kaarya.Web.Features.Exports.Xlsx;

namespace Kaarya.Tests.Exports;

/// <summary>The stream that hands a big sheet's bytes to another thread to be compressed.</summary>
public class HandOffStreamTests
{
    [Fact]
    public void Every_byte_arrives_in_order_whatever_the_sizes_of_the_writes()
    {
        var random = new Random(2013);
        var written = new byte[3_000_000];
        random.NextBytes(written);
        using var inner = new MemoryStream();

        using (var stream = new HandOffStream(inner))
        {
            var at = 0;
            while (at < written.Length)
            {
                var count = Math.Min(random.Next(1, 700_000), written.Length - at);
                stream.Write(written, at, count);
                at += count;
            }
        }

        Assert.Equal(written, inner.ToArray());
    }

    [Fact]
    public void Nothing_written_leaves_the_inner_stream_empty()
    {
        using var inner = new MemoryStream();

        new HandOffStream(inner).Dispose();

        Assert.Equal(0, inner.Length);
    }

    [Fact]
    public void A_failing_inner_stream_is_reported_to_the_writer_not_lost()
    {
        using var inner = new FailingStream();

        var failure = Assert.Throws<IOException>(() =>
        {
            using var stream = new HandOffStream(inner);
            for (var i = 0; i < 100; i++)
            {
                stream.Write(new byte[100_000]);
            }
        });

        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Equal("The disk is full.", failure.InnerException.Message);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The disk is full.");
    }
}
