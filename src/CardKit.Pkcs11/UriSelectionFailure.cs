namespace CardKit.Pkcs11;

/// <summary>Why a PKCS#11 URI did not select exactly what was asked.</summary>
public enum UriSelectionFailure
{
    /// <summary>No initialised token matches the URI.</summary>
    NoToken,

    /// <summary>Several tokens match the URI.</summary>
    SeveralTokens,

    /// <summary>No object matches the URI (a private one needs a login to be seen).</summary>
    NoObject,

    /// <summary>Several objects match where one was wanted.</summary>
    SeveralObjects,

    /// <summary>The URI names only a token where objects were wanted: it would match everything on it.</summary>
    NoObjectAttributes,
}
