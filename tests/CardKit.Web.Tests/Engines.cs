using CardKit.Testing;
using CardKit.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Tests;

/// <summary>A fresh database on either engine, and a context to look into it directly.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempPath? _directory;

    public TestDatabase(string engine, PostgresCluster postgres)
    {
        Engine = engine;
        if (engine == "sqlite")
        {
            _directory = TempPath.Directory();
            Db = Path.Combine(_directory.Path, "web.db");
        }
        else
        {
            Db = postgres.CreateDatabase();
        }
    }

    public string Engine { get; }

    /// <summary>What --db gets.</summary>
    public string Db { get; }

    public WebDb Open()
    {
        var database = WebDatabase.From(Db);
        return database.Engine == DatabaseEngine.Sqlite
            ? new SqliteWebDb(new DbContextOptionsBuilder<SqliteWebDb>().UseSqlite(database.ConnectionString).Options)
            : new PostgresWebDb(new DbContextOptionsBuilder<PostgresWebDb>().UseNpgsql(database.ConnectionString).Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory?.Dispose();
    }
}
