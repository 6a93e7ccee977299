namespace CardKit.Cli.Tests;

public class ReadAheadTests
{
    [Fact]
    public void Items_arrive_in_order_across_batches()
    {
        var items = WithinSeconds(() => ReadAhead.Of(Enumerable.Range(0, 10_007), batchSize: 64, batchesAhead: 2).ToList());
        Assert.Equal(Enumerable.Range(0, 10_007), items);
    }

    [Fact]
    public void A_failure_arrives_after_every_item_produced_before_it()
    {
        static IEnumerable<int> Damaged()
        {
            for (var i = 0; i < 1000; i++)
                yield return i;
            throw new CardKitFormatException("damaged at frame 1001", 42);
        }

        var seen = new List<int>();
        var e = Assert.Throws<CardKitFormatException>(() => WithinSeconds(() =>
        {
            foreach (var item in ReadAhead.Of(Damaged(), batchSize: 64))
                seen.Add(item);
            return 0;
        }));
        Assert.Equal(42, e.Offset);
        Assert.Equal(Enumerable.Range(0, 1000), seen);
    }

    [Fact]
    public void A_consumer_that_stops_early_ends_the_producer()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true)
                yield return Interlocked.Increment(ref produced);
        }

        Assert.Equal([1, 2, 3], WithinSeconds(() => ReadAhead.Of(Endless(), batchSize: 4, batchesAhead: 2).Take(3).ToList()));
        // The producer was stopped and joined: it can have run at most the queue's bound ahead.
        Assert.InRange(Volatile.Read(ref produced), 3, 4 * (2 + 2));
    }

    // A deadlock in the hand-over between the two threads fails the test in 30 s instead of hanging the run.
    private static T WithinSeconds<T>(Func<T> run)
    {
        var task = Task.Run(run, TestContext.Current.CancellationToken);
        try
        {
            if (!task.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken))
                Assert.Fail("read-ahead did not finish within 30 s");
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException!);
        }
        return task.Result;
    }
}
