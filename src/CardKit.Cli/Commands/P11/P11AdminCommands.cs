using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CardKit.Pkcs11;

namespace CardKit.Cli.Commands.P11;

/// <summary>`cardkit p11 slots|init-token|init-pin|change-pin|import|export-cert|delete|events`: token administration.</summary>
internal static class P11AdminCommands
{
    public static IEnumerable<Command> Create(CliOutput output)
    {
        yield return Slots(output);
        yield return InitToken(output);
        yield return InitPin(output);
        yield return ChangePin(output);
        yield return Import(output);
        yield return ExportCertificate(output);
        yield return Delete(output);
        yield return Events(output);
    }

    private static Command Slots(CliOutput output)
    {
        var options = new P11Options();
        var command = new Command("slots", "Slots and the tokens in them (uninitialised ones included).");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var module = options.Load(parse);
            foreach (var slot in module.GetSlots(tokenPresent: false).Select(SlotSummary.Read))
            {
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{slot.Id}: {slot.Description}; token '{slot.Token}' {(slot.Initialized ? "initialised" : "not initialised")}{(slot.PinLocked ? ", user PIN locked" : "")}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command InitToken(CliOutput output)
    {
        var options = new P11Options();
        var slotId = new Option<ulong>("--slot") { Description = "Slot id (see `p11 slots`); the token in it is ERASED.", Required = true };
        var label = new Option<string>("--label") { Description = "New token label (at most 32 bytes).", Required = true };
        var soPinEnv = new Option<string>("--so-pin-env") { Description = "Environment variable holding the security officer PIN.", Required = true };
        var userPinEnv = new Option<string?>("--user-pin-env") { Description = "Environment variable holding the user PIN to set." };
        var command = new Command("init-token", "Initialise (erase) a token and optionally set its user PIN.") { slotId, label, soPinEnv, userPinEnv };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var soPin = Pins.FromEnvironment(parse.GetValue(soPinEnv)!);
            using var module = options.Load(parse);
            var slot = module.GetSlots(tokenPresent: false).FirstOrDefault(s => s.Id.Value == parse.GetValue(slotId))
                ?? throw CliException.Usage($"no slot {parse.GetValue(slotId)}; `cardkit p11 slots` lists them");
            try
            {
                slot.InitToken(soPin, parse.GetValue(label)!);
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage(e.Message);
            }
            if (parse.GetValue(userPinEnv) is { } userVariable)
            {
                // SoftHSM2 moves an initialised token to a new slot: find it again by label.
                var initialised = module.FindToken(parse.GetValue(label)!) ?? slot;
                using var session = initialised.OpenSession(readWrite: true);
                session.Login(soPin, UserType.SecurityOfficer);
                session.InitPin(Pins.FromEnvironment(userVariable));
            }
            output.Out.WriteLine($"token '{parse.GetValue(label)}' initialised");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliOutput output)
    {
        var options = new P11Options();
        var target = new Option<string>("--object") { Description = "pkcs11: URI naming the object(s) with id=, object= and/or type= (private ones need the PIN).", Required = true };
        var all = new Option<bool>("--all") { Description = "Delete every object the URI matches (e.g. both halves of a key pair by id)." };
        var command = new Command("delete", "Destroy token objects (C_DestroyObject); one unless --all.") { target, all };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var uri = P11Options.ParseUri(parse.GetValue(target)!);
            var (module, session) = options.Open(parse, uri, readWrite: true, loginRequired: false);
            using (module)
            using (session)
            {
                IReadOnlyList<ObjectHandle> found;
                try
                {
                    found = UriSelection.FindObjects(session, uri, allowSeveral: parse.GetValue(all));
                }
                catch (UriSelectionException e) when (e.Failure == UriSelectionFailure.SeveralObjects)
                {
                    throw new CliException(ExitCodes.CardOrDataError, e.Message + ", or --all to delete them all", e);
                }
                foreach (var handle in found)
                {
                    var o = ObjectSummary.Read(session, handle);
                    session.DestroyObject(handle);
                    output.Out.WriteLine(string.Join(' ', new[] { "deleted", o.Type, o.KeyType, $"id={o.Id}", $"label='{o.Label}'" }.Where(part => part.Length > 0)));
                }
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command InitPin(CliOutput output)
    {
        var options = new P11Options();
        var token = new Option<string>("--token") { Description = "pkcs11: URI of the token.", Required = true };
        var soPinEnv = new Option<string>("--so-pin-env") { Description = "Environment variable holding the security officer PIN.", Required = true };
        var newPinEnv = new Option<string>("--new-pin-env") { Description = "Environment variable holding the new user PIN.", Required = true };
        var command = new Command("init-pin", "Set a new user PIN as the security officer (C_InitPIN): also unlocks a locked user PIN.") { token, soPinEnv, newPinEnv };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var uri = P11Options.ParseUri(parse.GetValue(token)!);
            var soPin = Pins.FromEnvironment(parse.GetValue(soPinEnv)!);
            var newPin = Pins.FromEnvironment(parse.GetValue(newPinEnv)!);
            using var module = options.Load(parse);
            using var session = UriSelection.FindSlot(module, uri).OpenSession(readWrite: true);
            session.Login(soPin, UserType.SecurityOfficer);
            try
            {
                session.InitPin(newPin);
            }
            finally
            {
                session.Logout();
            }
            output.Out.WriteLine("user PIN set");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ChangePin(CliOutput output)
    {
        var options = new P11Options();
        var token = new Option<string>("--token") { Description = "pkcs11: URI of the token (current PIN as for every command).", Required = true };
        var newPinEnv = new Option<string>("--new-pin-env") { Description = "Environment variable holding the new PIN.", Required = true };
        var command = new Command("change-pin", "Change the user PIN.") { token, newPinEnv };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var uri = P11Options.ParseUri(parse.GetValue(token)!);
            var oldPin = options.ResolvePin(parse, uri, required: true) ?? throw CliException.Usage("the current PIN is needed");
            var (module, session) = options.Open(parse, uri, readWrite: true, loginRequired: true);
            using (module)
            using (session)
                session.ChangePin(oldPin, Pins.FromEnvironment(parse.GetValue(newPinEnv)!));
            output.Out.WriteLine("PIN changed");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliOutput output)
    {
        var options = new P11Options();
        var token = new Option<string>("--token") { Description = "pkcs11: URI of the token.", Required = true };
        var cert = new Option<string?>("--cert") { Description = "Certificate to store (PEM or DER)." };
        var keyFile = new Option<string?>("--key") { Description = "Private key to move into the token (unencrypted PKCS#8 or PKCS#1/SEC1 PEM, RSA or EC)." };
        var label = new Option<string>("--label") { Description = "CKA_LABEL.", Required = true };
        var id = new Option<string>("--id") { Description = "CKA_ID in hex (use the id of the matching key pair).", Required = true };
        var command = new Command("import", "Store a certificate, or a key pair, on the token.") { token, cert, keyFile, label, id };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(cert) is null) == (result.GetValue(keyFile) is null))
                result.AddError("give exactly one of --cert and --key");
        });
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(keyFile) is { } keyPath)
                return ImportKey(parse, options, keyPath, parse.GetValue(token)!, parse.GetValue(label)!, parse.GetValue(id)!, output);
            var keyId = KeyId(parse.GetValue(id)!);
            var path = parse.GetValue(cert)!;
            X509Certificate2 certificate;
            try
            {
                certificate = PemDer.ReadCertificate(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CardKitFormatException)
            {
                throw CliException.Usage($"--cert '{path}': {e.Message}");
            }
            using (certificate)
            {
                var (module, session) = options.Open(parse, P11Options.ParseUri(parse.GetValue(token)!), readWrite: true, loginRequired: true);
                using (module)
                using (session)
                    session.ImportCertificate(certificate, parse.GetValue(label)!, keyId);
                output.Out.WriteLine($"stored certificate '{certificate.Subject}' as '{parse.GetValue(label)}' id {Hex.Format(keyId, '\0')}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ExportCertificate(CliOutput output) =>
        P11Export.Create(output, "export-cert", "Export a certificate object as PEM or DER.",
            "--cert", "pkcs11: URI of the certificate object (type=cert).", "CERTIFICATE",
            (session, handle) => session.GetAttribute(handle, AttributeType.Value).AsBytes());

    private static int ImportKey(ParseResult parse, P11Options options, string path, string token, string label, string idHex, CliOutput output)
    {
        var keyId = KeyId(idHex);
        System.Security.Cryptography.AsymmetricAlgorithm key;
        try
        {
            key = PemDer.ReadPrivateKey(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CardKitFormatException)
        {
            throw CliException.Usage($"--key '{path}': {e.Message}");
        }
        using (key)
        {
            var (module, session) = options.Open(parse, P11Options.ParseUri(token), readWrite: true, loginRequired: true);
            using (module)
            using (session)
                session.ImportKeyPair(key, label, keyId);
            output.Out.WriteLine($"imported {key.KeySize}-bit {(key is System.Security.Cryptography.RSA ? "RSA" : "EC")} key pair as '{label}' id {Hex.Format(keyId, '\0')}");
        }
        return ExitCodes.Ok;
    }

    private static Command Events(CliOutput output)
    {
        var options = new P11Options();
        var seconds = new Option<double>("--seconds", "-t") { Description = "Watch for this many seconds.", DefaultValueFactory = _ => 10 };
        var command = new Command("events", "Print slot events (token inserted or removed) as the module reports them.") { seconds };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var module = options.Load(parse);
            using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            watch.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(seconds)));
            try
            {
                await foreach (var slot in module.WatchSlotEventsAsync(cancellationToken: watch.Token).ConfigureAwait(false))
                    output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss.fff}] slot {slot.Id}: {slot.Description}"));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // -t is over.
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static byte[] KeyId(string hex)
    {
        try
        {
            return Hex.Parse(hex);
        }
        catch (CardKitFormatException e)
        {
            throw CliException.Usage($"--id: {e.Message}");
        }
    }
}
