using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Data;

/// <summary>The data model on SQLite (the embedded default), with its migrations.</summary>
public sealed class SqliteWebDb(DbContextOptions<SqliteWebDb> options) : WebDb(options);
