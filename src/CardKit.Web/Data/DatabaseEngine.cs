namespace CardKit.Web.Data;

/// <summary>The database engine a <c>--db</c> value names.</summary>
public enum DatabaseEngine
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server through Npgsql.</summary>
    PostgreSql,
}
