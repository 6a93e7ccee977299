namespace CardKit.Pkcs11;

/// <summary>Why a PKCS#11 module cannot be used.</summary>
public enum ModuleFailure
{
    /// <summary>No module was named and none was found where the host looks for one.</summary>
    NotConfigured,

    /// <summary>The file does not exist.</summary>
    Missing,

    /// <summary>The file is not a shared library this process can load.</summary>
    NotLoadable,

    /// <summary>The library has no C_GetFunctionList or C_GetInterface.</summary>
    NotPkcs11,

    /// <summary>The module does not report slot events (C_WaitForSlotEvent is not supported).</summary>
    NoSlotEvents,

    /// <summary>A helper the module is used through is missing (OpenSSL's pkcs11 engine).</summary>
    HelperMissing,
}
