using System.Diagnostics;
using System.Text.RegularExpressions;
using CardKit.Testing;

namespace CardKit.Packaging.Tests;

/// <summary>
/// `dotnet pack` of the built solution into a local feed (tests run after ./test.sh's build), then
/// the .NET tool installed from it into a temporary tool path, and the README's library example
/// compiled and run against the library packages from that feed.
/// </summary>
public sealed partial class PackageTests : IClassFixture<PackageTests.Feed>
{
    private const string MifareAtr = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);
    private readonly Feed _feed;

    public PackageTests(Feed feed) => _feed = feed;

    [Fact]
    public void Every_library_and_the_tool_are_packed_with_readme_documentation_and_license()
    {
        foreach (var id in Feed.Libraries.Append("CardKit.Cli"))
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(_feed.PackagePath(id));
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", names);
            using var nuspec = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
            var text = nuspec.ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
            Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
            if (id == "CardKit.Cli")
            {
                Assert.Contains(names, n => n.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && n.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains($"lib/net10.0/{id}.dll", names);
                Assert.Contains($"lib/net10.0/{id}.xml", names);
            }
        }
    }

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_runs_as_cardkit()
    {
        var token = TestContext.Current.CancellationToken;
        using var tools = TempPath.Directory();
        var install = await Dotnet(["tool", "install", "--tool-path", tools.Path, "--configfile", _feed.ConfigFile, "CardKit.Cli", "--version", _feed.Version], null, token);
        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
        var cardkit = Path.Combine(tools.Path, "cardkit");

        var version = await ProcessRunner.RunAsync(new ProcessStartInfo(cardkit, ["version"]), null, Patience, token);
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith($"cardkit {_feed.Version}", version.Stdout, StringComparison.Ordinal);

        var atr = await ProcessRunner.RunAsync(new ProcessStartInfo(cardkit, ["atr", .. MifareAtr.Split(' ')]), null, Patience, token);
        Assert.True(atr.ExitCode == 0, atr.Stderr);
        Assert.Contains("MIFARE", atr.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_example_builds_against_the_packages_and_talks_to_a_virtual_card()
    {
        var token = TestContext.Current.CancellationToken;
        using var project = TempPath.Directory();
        File.WriteAllText(project.Combine("Program.cs"), ReadmeExample());
        File.WriteAllText(project.Combine("nuget.config"), File.ReadAllText(_feed.ConfigFile).Replace("<!--upstream-->", "<add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />", StringComparison.Ordinal));
        File.WriteAllText(project.Combine("Example.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CardKit.Hosting" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        // Restore into a package folder of its own: the feed's packages must not be confused with a
        // copy of the same version left in the user's cache by an earlier run.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = project.Combine("packages") };
        var run = await Dotnet(["run", "--project", project.Combine("Example.csproj"), "--", "emu:iso"], project.Path, token, environment);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("SELECT: 90 00", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"3B +TS: direct convention", run.Stdout);
        Assert.Contains("historical", run.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The C# block between the README's library-example markers.</summary>
    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(Pcscd.RepoRoot, "README.md"));
        var match = ExampleBlock().Match(readme);
        Assert.True(match.Success, "README.md has no ```csharp block between <!-- library-example:begin --> and <!-- library-example:end -->");
        return match.Groups["code"].Value;
    }

    [GeneratedRegex(@"<!-- library-example:begin -->\s*```csharp\n(?<code>.*?)```\s*<!-- library-example:end -->", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    private static Task<(int ExitCode, string Stdout, string Stderr)> Dotnet(string[] args, string? workingDirectory, CancellationToken token, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet", args) { WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            psi.Environment[key] = value;
        return ProcessRunner.RunAsync(psi, null, Patience, token);
    }

    /// <summary>The packages of this build in a folder feed, made once for the class.</summary>
    public sealed class Feed : IAsyncLifetime
    {
        public static readonly string[] Libraries = ["CardKit", "CardKit.Pcsc", "CardKit.Pkcs11", "CardKit.Emulator", "CardKit.Hosting"];

        private readonly TempPath _directory = TempPath.Directory();

        public string Folder => _directory.Combine("feed");

        public string ConfigFile => _directory.Combine("nuget.config");

        public string Version { get; private set; } = "";

        public string PackagePath(string id) => Path.Combine(Folder, $"{id}.{Version}.nupkg");

        public async ValueTask InitializeAsync()
        {
            var root = Pcscd.RepoRoot;
            var pack = await Dotnet(["pack", Path.Combine(root, "CardKit.slnx"), "-c", "Release", "--no-build", "-o", Folder, "-nologo"], root, CancellationToken.None);
            if (pack.ExitCode != 0)
                throw new InvalidOperationException("dotnet pack failed: " + pack.Stdout + pack.Stderr);
            var cli = Directory.GetFiles(Folder, "CardKit.Cli.*.nupkg").Single();
            Version = Path.GetFileNameWithoutExtension(cli)["CardKit.Cli.".Length..];
            File.WriteAllText(ConfigFile, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="cardkit-test-feed" value="{Folder}" />
                    <!--upstream-->
                  </packageSources>
                </configuration>
                """);
        }

        public ValueTask DisposeAsync()
        {
            _directory.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
