namespace CardKit.Pkcs11;

/// <summary>Finds what a PKCS#11 URI names: the token's slot, a session with it, the objects.</summary>
public static class UriSelection
{
    /// <summary>The slot whose initialised token matches the URI's token/serial/model/manufacturer.</summary>
    /// <exception cref="UriSelectionException">No token or several match; the message names the tokens there are.</exception>
    public static Pkcs11Slot FindSlot(Pkcs11Module module, Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(uri);
        var slots = module.GetSlots().Select(s => (Slot: s, Token: s.GetTokenInfo())).ToList();
        var matches = slots.Where(s => s.Token.Initialized && Is(uri, "token", s.Token.Label) && Is(uri, "serial", s.Token.SerialNumber)
            && Is(uri, "model", s.Token.Model) && Is(uri, "manufacturer", s.Token.Manufacturer)).ToList();
        if (matches.Count == 1)
            return matches[0].Slot;
        var labels = slots.Select(s => s.Token.Label).ToList();
        throw matches.Count switch
        {
            0 when uri.Unmatchable is { } why => new UriSelectionException(UriSelectionFailure.NoToken, uri, 0, labels, $"no token matches {uri.Redacted()}: {why}"),
            0 => new UriSelectionException(UriSelectionFailure.NoToken, uri, 0, labels,
                $"no token matches {uri.Redacted()}; tokens: {string.Join(", ", labels.Select(l => $"'{l}'"))}"),
            _ => new UriSelectionException(UriSelectionFailure.SeveralTokens, uri, matches.Count, [],
                $"{matches.Count} tokens match {uri.Redacted()}; add token= or serial= to choose one"),
        };
    }

    private static bool Is(Pkcs11Uri uri, string name, string actual) =>
        !uri.Path.TryGetValue(name, out var wanted) || System.Text.Encoding.UTF8.GetString(wanted) == actual;

    /// <summary>
    /// Opens a session on the URI's token, logged in as the user with <paramref name="pin"/> when one
    /// is given. Without a PIN, <paramref name="loginRequired"/> makes it fail rather than open a
    /// session that sees only public objects.
    /// </summary>
    /// <exception cref="UriSelectionException">No token or several match.</exception>
    /// <exception cref="PinRequiredException">The login is required and <paramref name="pin"/> is null.</exception>
    /// <exception cref="WrongPinException">The PIN is wrong.</exception>
    public static Pkcs11Session OpenSession(Pkcs11Module module, Pkcs11Uri uri, string? pin, bool readWrite, bool loginRequired)
    {
        var slot = FindSlot(module, uri);
        if (pin is null && loginRequired)
            throw new PinRequiredException(uri);
        var session = slot.OpenSession(readWrite);
        try
        {
            if (pin is not null)
                session.Login(pin);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The object template for type=, id= and object=.</summary>
    public static List<AttributeValue> Template(Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var template = new List<AttributeValue>();
        if (uri.Class is { } objectClass)
            template.Add(AttributeValue.Of(objectClass));
        if (uri.Id is { } id)
            template.Add(AttributeValue.Bytes(AttributeType.Id, id));
        if (uri.ObjectLabel is { } label)
            template.Add(AttributeValue.Text(AttributeType.Label, label));
        return template;
    }

    /// <summary>Exactly one object; none or several is an error that says which.</summary>
    /// <exception cref="UriSelectionException">No object or several match.</exception>
    public static ObjectHandle FindOne(Pkcs11Session session, Pkcs11Uri uri)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(uri);
        return Matching(session, uri, allowSeveral: false)[0];
    }

    /// <summary>
    /// The objects the URI names, at least one; several only when <paramref name="allowSeveral"/>.
    /// A URI that names only a token is refused: it would select everything on it (what to destroy
    /// must be named).
    /// </summary>
    /// <exception cref="UriSelectionException">The URI names no object, or matches none, or several when one was wanted.</exception>
    public static IReadOnlyList<ObjectHandle> FindObjects(Pkcs11Session session, Pkcs11Uri uri, bool allowSeveral)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.NamesObjects)
            throw new UriSelectionException(UriSelectionFailure.NoObjectAttributes, uri, 0, [],
                "name the object with id=, object= or type= in the URI; a token URI alone would match everything");
        return Matching(session, uri, allowSeveral);
    }

    private static IReadOnlyList<ObjectHandle> Matching(Pkcs11Session session, Pkcs11Uri uri, bool allowSeveral)
    {
        var found = session.FindObjects(Template(uri));
        return found.Count switch
        {
            0 => throw new UriSelectionException(UriSelectionFailure.NoObject, uri, 0, [], $"no object matches {uri.Redacted()} (log in first if it is private)"),
            > 1 when !allowSeveral => throw new UriSelectionException(UriSelectionFailure.SeveralObjects, uri, found.Count, [],
                $"{found.Count} objects match {uri.Redacted()}; add id=, object= or type= to choose one"),
            _ => found,
        };
    }
}
