using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CardKit.Testing;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Tests;

/// <summary>The real cardkit-web program: start-up, moderators from the command line, mail, Kestrel's limits.</summary>
public sealed class ProcessLevelTests
{
    private const string Password = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo(WebServerProcess.Program) { WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        psi.Environment.Remove("CARDKIT_MODERATOR_PASSWORD");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                psi.Environment[key] = value;
        }
        return ProcessRunner.RunAsync(psi, stdin ?? "", TimeSpan.FromSeconds(60), Cancel);
    }

    [Fact(Timeout = 180_000)]
    public async Task Add_moderator_reads_the_password_from_stdin_or_the_environment_and_the_moderator_can_log_in()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var dir = TempPath.Directory();
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        var db = Path.Combine(dir.Path, "web.db");
        var fromStdin = await RunAsync(Password + "\n", null, "add-moderator", "carol", "--db", db);
        Assert.True(fromStdin.ExitCode == 0, fromStdin.Stderr);
        Assert.Contains("moderator 'carol'", fromStdin.Stdout, StringComparison.Ordinal);
        var fromEnvironment = await RunAsync(null, new Dictionary<string, string> { ["CARDKIT_MODERATOR_PASSWORD"] = Password + "!" }, "add-moderator", "dave", "--db", db);
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.Stderr);
        var weak = await RunAsync("short\n", null, "add-moderator", "eve", "--db", db);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 10", weak.Stderr, StringComparison.Ordinal);
        var noName = await RunAsync(Password + "\n", null, "add-moderator");
        Assert.Equal(2, noName.ExitCode);

        await using var server = await WebServerProcess.StartAsync(["--db", db, "--list", list.Path]);
        using var carol = server.Client();
        await WebFlows.LoginAsync(carol, "carol", Password);
        using var dave = server.Client();
        await WebFlows.LoginAsync(dave, "dave", Password + "!");
    }

    [Fact(Timeout = 180_000)]
    public async Task It_starts_from_any_directory_creates_its_SQLite_file_and_says_where_it_listens()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var data = TempPath.Directory();
        await using var server = await WebServerProcess.StartAsync([], new Dictionary<string, string> { ["XDG_DATA_HOME"] = data.Path });
        Assert.True(File.Exists(Path.Combine(data.Path, "cardkit", "web.db")));
        Assert.Contains("SQLite " + Path.Combine(data.Path, "cardkit", "web.db"), server.Output, StringComparison.Ordinal);
        using var client = server.Client();
        // Static files and localized pages come from the program's directory, not the working directory.
        using var css = await client.GetAsync("/site.css", Cancel);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = await Html.GetAsync(client, "/");
        Assert.Equal("Décodeur d'Answer To Reset", page.QuerySelector("h1")!.TextContent);
        // Requests are not logged one by one at information level.
        for (var i = 0; i < 5; i++)
            (await client.GetAsync("/V1/parse2json?ATR=3B80", Cancel)).Dispose();
        Assert.DoesNotContain("/V1/parse2json", server.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Each_submission_is_mailed_to_the_moderators_through_SMTP()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var sink = new SmtpSink();
        using var dir = TempPath.Directory();
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        await using var server = await WebServerProcess.StartAsync(["--db", Path.Combine(dir.Path, "web.db"), "--list", list.Path,
            "--CardKit:Smtp:Host=127.0.0.1", $"--CardKit:Smtp:Port={sink.Port}", "--CardKit:Smtp:Security=None", "--CardKit:Smtp:To=mods@example.org"]);
        using var client = server.Client();
        await WebFlows.SubmitAsync(client, TestLists.Unknown, "Mailed card description");
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        var message = await sink.Messages.Reader.ReadAsync(wait.Token);
        Assert.Contains("Mailed card description", message, StringComparison.Ordinal);
        Assert.Contains(TestLists.Unknown, message, StringComparison.Ordinal);
        Assert.Contains("To: mods@example.org", message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_dead_mail_server_loses_no_submission_and_the_notice_goes_to_the_log()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        // A port that refuses connections: taken, then released.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var deadPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        taken.Stop();
        using var dir = TempPath.Directory();
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        var db = Path.Combine(dir.Path, "web.db");
        await using var server = await WebServerProcess.StartAsync(["--db", db, "--list", list.Path,
            "--CardKit:Smtp:Host=127.0.0.1", $"--CardKit:Smtp:Port={deadPort}", "--CardKit:Smtp:Security=None", "--CardKit:Smtp:To=mods@example.org"]);
        using var client = server.Client();
        await WebFlows.SubmitAsync(client, TestLists.Unknown, "Stored even without mail");
        // The log entry is written line by line: wait for both parts of it.
        await server.WaitForOutputAsync("could not mail the moderator notice", TimeSpan.FromSeconds(30));
        await server.WaitForOutputAsync("Description: Stored even without mail", TimeSpan.FromSeconds(30));
        await using var context = new CardKit.Web.Data.SqliteWebDb(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CardKit.Web.Data.SqliteWebDb>()
            .UseSqlite(CardKit.Web.Data.WebDatabase.From(db).ConnectionString).Options);
        Assert.Single(context.Submissions.AsNoTracking().Where(s => s.Description == "Stored even without mail"));
    }

    [Fact(Timeout = 180_000)]
    public async Task Without_SMTP_the_notice_goes_to_the_log()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var dir = TempPath.Directory();
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        await using var server = await WebServerProcess.StartAsync(["--db", Path.Combine(dir.Path, "web.db"), "--list", list.Path]);
        using var client = server.Client();
        await WebFlows.SubmitAsync(client, TestLists.Unknown, "Logged notice");
        await server.WaitForOutputAsync("moderator notice (no SMTP configured)", TimeSpan.FromSeconds(30));
    }

    [Fact(Timeout = 180_000)]
    public async Task Kestrel_cuts_an_oversized_chunked_body_with_413_and_the_header_set()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var dir = TempPath.Directory();
        await using var server = await WebServerProcess.StartAsync(["--db", Path.Combine(dir.Path, "web.db")]);
        using var client = server.Client();
        using var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("Description=" + new string('x', 200_000))));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/submit") { Content = body };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory(Timeout = 180_000)]
    [InlineData(true, "203.0.113.9")]
    [InlineData(false, "127.0.0.1")]
    public async Task Behind_a_trusted_proxy_the_forwarded_client_address_is_stored(bool trusted, string stored)
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var dir = TempPath.Directory();
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        var db = Path.Combine(dir.Path, "web.db");
        string[] args = trusted
            ? ["--db", db, "--list", list.Path, "--CardKit:TrustedProxies:0=127.0.0.1"]
            : ["--db", db, "--list", list.Path];
        await using var server = await WebServerProcess.StartAsync(args);
        using var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        await WebFlows.SubmitAsync(client, TestLists.Unknown, "Through a proxy");
        await using var context = new CardKit.Web.Data.SqliteWebDb(new DbContextOptionsBuilder<CardKit.Web.Data.SqliteWebDb>()
            .UseSqlite(CardKit.Web.Data.WebDatabase.From(db).ConnectionString).Options);
        Assert.Equal(stored, (await context.Submissions.AsNoTracking().SingleAsync(Cancel)).ClientAddress);
    }
}
