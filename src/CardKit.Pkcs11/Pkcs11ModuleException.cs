namespace CardKit.Pkcs11;

/// <summary>The module cannot be used as asked: none configured, a missing file, not a PKCS#11 library, no slot events.</summary>
public sealed class Pkcs11ModuleException : Pkcs11Exception
{
    /// <summary>The module at <paramref name="modulePath"/> (null: none was named) failed for <paramref name="failure"/>.</summary>
    public Pkcs11ModuleException(ModuleFailure failure, string? modulePath, string message, Exception? inner = null)
        : base(ErrorCategory.Environment, message, inner)
    {
        Failure = failure;
        ModulePath = modulePath;
    }

    /// <summary>What is wrong with the module.</summary>
    public ModuleFailure Failure { get; }

    /// <summary>The module's path as given, or null when no module was named.</summary>
    public string? ModulePath { get; }
}
