using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CardKit.Web.Data;

// For `dotnet ef migrations add NAME --context SqliteWebDb|PostgresWebDb`: the model without a server.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteWebDb>
{
    public SqliteWebDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWebDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresWebDb>
{
    public PostgresWebDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWebDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
