using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Data;

/// <summary>The data model on PostgreSQL (several instances sharing one database), with its migrations.</summary>
public sealed class PostgresWebDb(DbContextOptions<PostgresWebDb> options) : WebDb(options);
