namespace CardKit.Pkcs11;

/// <summary>Library information (C_GetInfo, CK_INFO: base specification §3.1), strings trimmed.</summary>
/// <param name="Manufacturer">manufacturerID.</param>
/// <param name="Description">libraryDescription.</param>
/// <param name="CryptokiVersion">The PKCS#11 version the module implements, "2.40".</param>
/// <param name="LibraryVersion">The module's own version.</param>
public sealed record ModuleInfo(string Manufacturer, string Description, string CryptokiVersion, string LibraryVersion);
