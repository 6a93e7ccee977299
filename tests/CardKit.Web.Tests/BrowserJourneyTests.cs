using System.Diagnostics;
using CardKit.Testing;
using Microsoft.Playwright;

namespace CardKit.Web.Tests;

/// <summary>
/// A real browser, Debian's Chromium driven headless by Playwright (its Node driver ships in the
/// NuGet package; no browser is downloaded), through the journey of the issue, with a screenshot of
/// each step kept under bin/.../artifacts/journey and no Content-Security-Policy violation allowed.
/// </summary>
public sealed class BrowserJourneyTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Password = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string ArtifactDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts", "journey");

    [Fact(Timeout = 180_000)]
    public async Task Identify_submit_moderate_translate_and_use_the_console_in_Chromium()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        Assert.True(File.Exists(Chromium), "Debian's chromium is not installed (scripts/setup.sh test installs it)");
        Directory.CreateDirectory(ArtifactDirectory);
        foreach (var old in Directory.EnumerateFiles(ArtifactDirectory, "*.png"))
            File.Delete(old);
        using var dir = TempPath.Directory();
        using var profile = TempPath.Directory();
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        var db = Path.Combine(dir.Path, "web.db");
        var add = new ProcessStartInfo(WebServerProcess.Program) { ArgumentList = { "add-moderator", "mod", "--db", db } };
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(add, Password + "\n", TimeSpan.FromSeconds(60), Cancel);
        Assert.True(exit == 0, stdout + stderr);
        await using var server = await WebServerProcess.StartAsync(["--db", db, "--list", list.Path, "--CardKit:SubmissionsPerMinute=0"]);
        var site = server.BaseAddress.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Locale = "en-US",
            Timeout = 60_000,
            // No sandbox as root; nothing of Chromium's own goes to the network (this machine has none).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions", "--metrics-recording-only"],
        });
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"pageerror: {error}");
        var step = 0;
        async Task Shot(string name)
        {
            step++;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, $"{step:00}-{name}.png"), FullPage = true });
        }

        // 1. The MIFARE Classic 1K ATR is identified.
        await page.GotoAsync(site + "/");
        await page.FillAsync("#atr", TestLists.Mifare1K);
        await page.ClickAsync("form.atr-form button[type=submit]");
        await page.WaitForSelectorAsync("dl.matches");
        Assert.Contains("MIFARE Classic 1K", await page.InnerTextAsync("dl.matches"), StringComparison.Ordinal);
        await Shot("mifare-identified");

        // 2. An unknown ATR: the form, a description sent.
        await page.FillAsync("#atr", TestLists.Unknown);
        await page.ClickAsync("form.atr-form button[type=submit]");
        await page.WaitForSelectorAsync("p.unknown");
        await page.FillAsync("#description", "Journey test UICC");
        await page.FillAsync("#url", "https://example.org/uicc");
        await Shot("unknown-with-form");
        await page.ClickAsync("form.submit-form button[type=submit]");
        await page.WaitForSelectorAsync("p.thanks");
        await Shot("submitted");

        // 3. A moderator logs in and accepts it.
        await page.GotoAsync(site + "/admin/login");
        await page.FillAsync("#userName", "mod");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.login-form button[type=submit]");
        await page.WaitForSelectorAsync("table.queue");
        Assert.Contains("Journey test UICC", await page.InnerTextAsync("table.queue"), StringComparison.Ordinal);
        await Shot("review-queue");
        await page.ClickAsync("table.queue tbody tr button[name=accept]");
        await page.WaitForURLAsync(site + "/admin");

        // 4. The ATR is now matched.
        await page.GotoAsync(site + "/parse?ATR=" + Uri.EscapeDataString(TestLists.Unknown));
        await page.WaitForSelectorAsync("dl.matches");
        Assert.Contains("Journey test UICC", await page.InnerTextAsync("dl.matches"), StringComparison.Ordinal);
        await Shot("matched-after-accept");

        // 5. French, then Russian.
        await page.ClickAsync("nav.languages a[hreflang=fr]");
        await page.WaitForSelectorAsync("html[lang=fr]");
        Assert.Equal("ATR décodé", await page.InnerTextAsync("h1"));
        await Shot("french");
        await page.ClickAsync("nav.languages a[hreflang=ru]");
        await page.WaitForSelectorAsync("html[lang=ru]");
        Assert.Equal("Расшифрованный ATR", await page.InnerTextAsync("h1"));
        await Shot("russian");
        await page.ClickAsync("nav.languages a[hreflang=en]");
        await page.WaitForSelectorAsync("html[lang=en]");

        // 6. The console: live readers (server-sent events), the virtual SIM's phone book.
        await page.GotoAsync(site + "/console");
        await page.WaitForSelectorAsync("#service.status-ok, #service.status-bad");
        await Shot("console-readers");
        await page.GotoAsync(site + "/console/script");
        await page.SelectOptionAsync("#reader", "emu:sim");
        await page.ClickAsync("button[name=run]");
        await page.WaitForSelectorAsync("table.results tbody tr");
        Assert.Equal(4, await page.Locator("table.results tbody tr.match").CountAsync());
        Assert.Contains("READ RECORD", await page.InnerTextAsync("table.results"), StringComparison.Ordinal);
        await Shot("apdu-script");
        await page.GotoAsync(site + "/console/phonebook?reader=emu:sim");
        await page.WaitForSelectorAsync(".pin-state");
        Assert.Contains("3 tries left", await page.InnerTextAsync(".pin-state"), StringComparison.Ordinal);
        await page.FillAsync("#pin", "1234");
        await page.ClickAsync("form.pin-form button[value=table]");
        await page.WaitForSelectorAsync("table.phonebook tbody tr");
        Assert.True(await page.Locator("table.phonebook tbody tr").CountAsync() > 0);
        await Shot("phonebook");

        var violations = console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal)).ToList();
        Assert.True(violations.Count == 0, "CSP violations in the browser console:\n" + string.Join('\n', violations));
        Assert.DoesNotContain(console, m => m.StartsWith("pageerror", StringComparison.Ordinal));
        TestContext.Current.SendDiagnosticMessage($"journey screenshots: {ArtifactDirectory}");
        Assert.Equal(step, Directory.EnumerateFiles(ArtifactDirectory, "*.png").Count());
    }
}
