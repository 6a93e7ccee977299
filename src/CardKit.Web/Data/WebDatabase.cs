using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CardKit.Web.Data;

/// <summary>
/// Chooses the engine from <c>--db</c>: nothing for the embedded SQLite file under the user's data
/// directory, a file path or "Data Source=..." for another SQLite file, any other connection string
/// ("Host=...;Database=...;Username=...") for PostgreSQL.
/// </summary>
public sealed class WebDatabase
{
    private WebDatabase(DatabaseEngine engine, string connectionString, string display)
    {
        Engine = engine;
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>The connection string handed to the provider.</summary>
    public string ConnectionString { get; }

    /// <summary>What to tell a person: the SQLite file, or the PostgreSQL host and database (never the password).</summary>
    public string Display { get; }

    /// <summary>The SQLite file used when no database is given: $XDG_DATA_HOME/cardkit/web.db (~/.local/share/cardkit/web.db).</summary>
    public static string DefaultSqlitePath()
    {
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "cardkit", "web.db");
    }

    /// <summary>The database <paramref name="db"/> names (null or empty: the embedded default).</summary>
    public static WebDatabase From(string? db)
    {
        if (string.IsNullOrWhiteSpace(db))
            return Sqlite(DefaultSqlitePath());
        if (db.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
            return Sqlite(new SqliteConnectionStringBuilder(db).DataSource);
        if (!db.Contains('=', StringComparison.Ordinal))
            return Sqlite(db);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(db);
        return new WebDatabase(DatabaseEngine.PostgreSql, builder.ConnectionString, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
    }

    private static WebDatabase Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 };
        return new WebDatabase(DatabaseEngine.Sqlite, builder.ConnectionString, $"SQLite {full}");
    }

    /// <summary>Registers <see cref="WebDb"/> on the chosen engine.</summary>
    public void AddTo(IServiceCollection services)
    {
        if (Engine == DatabaseEngine.Sqlite)
        {
            services.AddDbContext<WebDb, SqliteWebDb>(o => o.UseSqlite(ConnectionString).AddInterceptors(SqliteDurability.Instance));
            services.AddDbContextFactory<SqliteWebDb>(o => o.UseSqlite(ConnectionString).AddInterceptors(SqliteDurability.Instance), ServiceLifetime.Singleton);
            services.AddSingleton<Func<WebDb>>(sp => () => sp.GetRequiredService<IDbContextFactory<SqliteWebDb>>().CreateDbContext());
        }
        else
        {
            services.AddDbContext<WebDb, PostgresWebDb>(o => o.UseNpgsql(ConnectionString));
            services.AddDbContextFactory<PostgresWebDb>(o => o.UseNpgsql(ConnectionString), ServiceLifetime.Singleton);
            services.AddSingleton<Func<WebDb>>(sp => () => sp.GetRequiredService<IDbContextFactory<PostgresWebDb>>().CreateDbContext());
        }
    }

    /// <summary>Creates the SQLite directory, applies the migrations and, on SQLite, turns on WAL.</summary>
    public static void Migrate(WebDb db, WebDatabase database)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(database);
        if (database.Engine == DatabaseEngine.Sqlite)
        {
            var directory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
        }
        db.Database.Migrate();
        // WAL: readers never wait for the writer; the mode is stored in the file.
        if (database.Engine == DatabaseEngine.Sqlite)
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    /// <summary>
    /// Every SQLite connection syncs the WAL on each commit (synchronous=FULL): an acknowledged
    /// submission survives a crash of the process and of the machine.
    /// </summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA synchronous=FULL;";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
