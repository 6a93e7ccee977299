namespace CardKit.Testing;

/// <summary>
/// A temporary file or directory for one test, deleted (recursively) on dispose: one helper
/// instead of a try/finally per test.
/// </summary>
public sealed class TempPath : IDisposable
{
    private TempPath(string path, bool isDirectory)
    {
        Path = path;
        IsDirectory = isDirectory;
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    /// <summary>True for a directory made by <see cref="Directory"/>.</summary>
    public bool IsDirectory { get; }

    /// <summary>A path for a file that does not exist yet, ending in <paramref name="extension"/> (".json").</summary>
    public static TempPath File(string extension = ".tmp") =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cardkit-test-{Guid.NewGuid():N}{extension}"), isDirectory: false);

    /// <summary>A file with <paramref name="content"/>.</summary>
    public static TempPath WithText(string content, string extension = ".tmp")
    {
        var file = File(extension);
        System.IO.File.WriteAllText(file.Path, content);
        return file;
    }

    /// <summary>A new empty directory.</summary>
    public static TempPath Directory()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cardkit-test-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(path);
        return new TempPath(path, isDirectory: true);
    }

    /// <summary>A path inside this directory.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc/>
    public override string ToString() => Path;

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (IsDirectory)
            {
                if (System.IO.Directory.Exists(Path))
                    System.IO.Directory.Delete(Path, recursive: true);
            }
            else if (System.IO.File.Exists(Path))
            {
                System.IO.File.Delete(Path);
            }
        }
        catch (IOException)
        {
            // A process the test started may still hold the file; the temp directory is cleaned by the OS.
        }
    }
}
