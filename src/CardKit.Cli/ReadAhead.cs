using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CardKit.Cli;

/// <summary>
/// Enumerates a source on a thread of its own, a bounded number of batches ahead of the consumer,
/// so that producing (decoding a capture) and consuming (writing its lines) run on two cores.
/// Items arrive in order, and a failure of the source arrives after every item produced before it.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 128, int batchesAhead = 4)
    {
        using var queue = new BlockingCollection<T[]>(batchesAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            var batch = new T[batchSize];
            var count = 0;
            try
            {
                foreach (var item in source)
                {
                    batch[count++] = item;
                    if (count < batchSize)
                        continue;
                    queue.Add(batch, stop.Token);
                    batch = new T[batchSize];
                    count = 0;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                // What came before the end, or before a failure, is handed over first.
                if (count > 0)
                {
                    try
                    {
                        queue.Add(batch[..count], stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The consumer stopped early.
                    }
                }
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "read-ahead" };
        producer.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                    yield return item;
            }
            producer.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
    }
}
