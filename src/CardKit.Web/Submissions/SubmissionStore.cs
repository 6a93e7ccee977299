using System.Threading.Channels;
using CardKit.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Submissions;

/// <summary>
/// Stores submissions with group commit: concurrent submissions wait together and go into the
/// database in one transaction, and each caller is answered only after that transaction has
/// committed (acknowledged means committed; on SQLite the WAL is synced on every commit). One
/// fsync for many submissions is what makes thousands per second possible on one disk.
/// </summary>
public sealed class SubmissionStore : BackgroundService
{
    private const int MaxBatch = 512;
    private readonly Channel<(Submission Submission, TaskCompletionSource<long> Done)> _pending =
        Channel.CreateBounded<(Submission, TaskCompletionSource<long>)>(new BoundedChannelOptions(16_384) { SingleReader = true });
    private readonly Func<WebDb> _databases;
    private readonly ModeratorNotifier _notifier;
    private readonly ILogger<SubmissionStore> _logger;

    /// <summary>A queue that writes through <paramref name="databases"/> and tells <paramref name="notifier"/> about each stored submission.</summary>
    public SubmissionStore(Func<WebDb> databases, ModeratorNotifier notifier, ILogger<SubmissionStore> logger)
    {
        _databases = databases;
        _notifier = notifier;
        _logger = logger;
    }

    /// <summary>Stores <paramref name="submission"/>; completes with its id once it is committed.</summary>
    public async Task<long> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _pending.Writer.WriteAsync((submission, done), cancellationToken).ConfigureAwait(false);
        // The caller may go away; the submission is still stored (it is in the queue).
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Submission Submission, TaskCompletionSource<long> Done)>(MaxBatch);
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
                batch.Add(item);
            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One transaction, one prepared INSERT run per row (the same SQL on SQLite and PostgreSQL; the
    /// table is the model's): what EF Core's change tracking would do, at a fraction of the cost per
    /// row, which is what bounds a batch's commit time.
    /// </summary>
    private static async Task InsertAsync(WebDb db, List<(Submission Submission, TaskCompletionSource<long> Done)> batch)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var insert = connection.CreateCommand();
                await using (insert.ConfigureAwait(false))
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO "Submissions" ("Atr", "Description", "Url", "Contact", "ClientAddress", "CreatedAt", "Status")
                        VALUES (@atr, @description, @url, @contact, @client, @created, @status) RETURNING "Id"
                        """;
                    var parameters = new[] { "atr", "description", "url", "contact", "client", "created", "status" }.Select(name =>
                    {
                        var parameter = insert.CreateParameter();
                        parameter.ParameterName = name;
                        insert.Parameters.Add(parameter);
                        return parameter;
                    }).ToArray();
                    foreach (var (submission, _) in batch)
                    {
                        parameters[0].Value = submission.Atr;
                        parameters[1].Value = submission.Description;
                        parameters[2].Value = (object?)submission.Url ?? DBNull.Value;
                        parameters[3].Value = (object?)submission.Contact ?? DBNull.Value;
                        parameters[4].Value = submission.ClientAddress;
                        parameters[5].Value = submission.CreatedAt;
                        parameters[6].Value = (int)submission.Status;
                        submission.Id = Convert.ToInt64(await insert.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Whatever was accepted into the queue is written before the process exits.
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(List<(Submission Submission, TaskCompletionSource<long> Done)> batch)
    {
        try
        {
            var db = _databases();
            await using (db.ConfigureAwait(false))
                await InsertAsync(db, batch).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "could not store {Count} submission(s); their senders are told to try again", batch.Count);
            foreach (var (_, done) in batch)
                done.TrySetException(new SubmissionNotStoredException(e));
            return;
        }
        foreach (var (submission, done) in batch)
        {
            done.TrySetResult(submission.Id);
            _notifier.Notify(submission);
        }
    }
}
