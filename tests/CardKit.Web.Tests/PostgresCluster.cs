using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(CardKit.Web.Tests.PostgresCluster))]

namespace CardKit.Web.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for this test run, from Debian's postgresql package: initdb and
/// pg_ctl in a temporary directory, a port of its own, loopback only, removed afterwards. initdb
/// refuses to run as root, so as root the cluster belongs to the unprivileged 'postgres' user.
/// Started on first use; every test gets a database of its own.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly Lazy<string?> _started;
    private string? _directory;
    private int _port;

    public PostgresCluster()
    {
        _started = new Lazy<string?>(Start);
    }

    private static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A new empty database; its connection string.</summary>
    public string CreateDatabase()
    {
        if (_started.Value is { } error)
            throw new InvalidOperationException(error);
        var name = "ck_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Database = database, Username = "postgres", Timeout = 15, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    private string? Start()
    {
        var bin = BinDirectory;
        if (bin is null)
            return "PostgreSQL server binaries not found under /usr/lib/postgresql (scripts/setup.sh test installs Debian's postgresql)";
        _directory = Path.Combine(Path.GetTempPath(), $"cardkit-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        if (IsRoot)
            Run("chown", $"postgres: {_directory}", asPostgres: false);
        _port = FreePort();
        if (Run(Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust -E UTF8 --no-locale", asPostgres: IsRoot) is { } initError)
            return initError;
        var options = $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB";
        if (Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(_directory, "log")} -w -t 60 -o \"{options}\" start", asPostgres: IsRoot) is { } startError)
            return startError + ReadLog();
        return null;
    }

    private string ReadLog()
    {
        var log = Path.Combine(_directory!, "log");
        return File.Exists(log) ? "\n" + File.ReadAllText(log) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Run(string program, string arguments, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            return $"{program} {arguments} did not finish within 90 s";
        }
        return process.ExitCode == 0 ? null : $"{program} {arguments} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}";
    }

    public ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated && _directory is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var bin = BinDirectory!;
            Run(Path.Combine(bin, "pg_ctl"), $"-D {Path.Combine(_directory, "data")} -m immediate -w stop", asPostgres: IsRoot);
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return ValueTask.CompletedTask;
    }
}
