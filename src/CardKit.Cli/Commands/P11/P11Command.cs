using System.CommandLine;
using System.Globalization;
using CardKit.Pkcs11;

namespace CardKit.Cli.Commands.P11;

/// <summary>`cardkit p11 ...`: PKCS#11 tokens through CardKit's own binding.</summary>
internal static class P11Command
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("p11", "PKCS#11 tokens (SoftHSM2, OpenSC, any module): info, keys, signatures, public key export.");
        command.Subcommands.Add(Info(output));
        command.Subcommands.Add(Mechanisms(output));
        command.Subcommands.Add(Objects(output));
        command.Subcommands.Add(Keygen(output));
        command.Subcommands.Add(Sign(output));
        command.Subcommands.Add(Verify(output));
        command.Subcommands.Add(ExportPublicKey(output));
        command.Subcommands.Add(Random(output));
        foreach (var admin in P11AdminCommands.Create(output))
            command.Subcommands.Add(admin);
        return command;
    }

    private static Command Info(CliOutput output)
    {
        var options = new P11Options();
        var json = CardOptions.Json();
        var command = new Command("info", "The module and its slots and tokens.") { json };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var module = options.Load(parse);
            var summary = ModuleSummary.Read(module);
            if (parse.GetValue(json))
            {
                output.WriteJson(summary, Pkcs11JsonContext.Default.ModuleSummary);
                return ExitCodes.Ok;
            }
            output.Out.WriteLine($"Module:  {summary.Module}");
            output.Out.WriteLine($"Library: {summary.Description} ({summary.Manufacturer}), Cryptoki {summary.CryptokiVersion}, version {summary.LibraryVersion}");
            foreach (var slot in summary.Slots)
            {
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Slot {slot.Id}: {slot.Description}; token '{slot.Token}'{(slot.Initialized ? "" : " (not initialized)")}, serial {slot.Serial}, {slot.Model}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Mechanisms(CliOutput output)
    {
        var options = new P11Options();
        var token = new Option<string>("--token") { Description = "pkcs11: URI of the token.", Required = true };
        var json = CardOptions.Json();
        var command = new Command("mechanisms", "The mechanisms a token supports, with key sizes and what each can do (like pkcs11-tool -M).") { token, json };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var module = options.Load(parse);
            var slot = UriSelection.FindSlot(module, P11Options.ParseUri(parse.GetValue(token)!));
            var mechanisms = slot.GetMechanisms();
            if (parse.GetValue(json))
            {
                output.WriteJson(mechanisms, Pkcs11JsonContext.Default.IReadOnlyListMechanismInfo);
                return ExitCodes.Ok;
            }
            foreach (var m in mechanisms)
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-24} 0x{(ulong)m.Type:X8}  key sizes {$"{m.MinKeySize}-{m.MaxKeySize}",-10} {string.Join(", ", m.Capabilities)}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Objects(CliOutput output)
    {
        var options = new P11Options();
        var uri = new Argument<string>("uri") { Description = "pkcs11: URI of a token (and optionally type=, id=, object=)." };
        var json = CardOptions.Json();
        var command = new Command("objects", "List objects (like pkcs11-tool -O); private ones need the PIN.") { uri, json };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var parsed = P11Options.ParseUri(parse.GetValue(uri)!);
            var (module, session) = options.Open(parse, parsed, readWrite: false, loginRequired: false);
            using (module)
            using (session)
            {
                IReadOnlyList<ObjectSummary> rows = [.. session.FindObjects(UriSelection.Template(parsed)).Select(handle => ObjectSummary.Read(session, handle))];
                if (parse.GetValue(json))
                {
                    output.WriteJson(rows, Pkcs11JsonContext.Default.IReadOnlyListObjectSummary);
                }
                else
                {
                    foreach (var r in rows)
                        output.Out.WriteLine($"{r.Type,-10} {r.KeyType,-4} id={r.Id,-8} label='{r.Label}'");
                }
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Keygen(CliOutput output)
    {
        var options = new P11Options();
        var token = new Option<string>("--token") { Description = "pkcs11: URI of the token (pin-value= or pin-source= for the PIN).", Required = true };
        var type = new Option<string>("--type") { Description = "rsa:2048 (1024-16384), ec:p256, ec:p384 or ed25519.", Required = true };
        var label = new Option<string>("--label") { Description = "CKA_LABEL of both keys.", Required = true };
        var id = new Option<string>("--id") { Description = "CKA_ID in hex, e.g. 01.", Required = true };
        var command = new Command("keygen", "Generate a key pair on the token.") { token, type, label, id };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            KeySpec spec;
            byte[] keyId;
            try
            {
                spec = KeySpec.Parse(parse.GetValue(type)!);
                keyId = Hex.Parse(parse.GetValue(id)!);
            }
            catch (Exception e) when (e is ArgumentException or CardKitFormatException)
            {
                throw CliException.Usage(e.Message);
            }
            var uri = P11Options.ParseUri(parse.GetValue(token)!);
            var (module, session) = options.Open(parse, uri, readWrite: true, loginRequired: true);
            using (module)
            using (session)
            {
                session.ThrowIfIdInUse(keyId);
                session.GenerateKeyPair(spec, parse.GetValue(label)!, keyId);
                output.Out.WriteLine($"generated {parse.GetValue(type)} key pair '{parse.GetValue(label)}' id {Hex.Format(keyId, '\0')} on token '{uri.Token}'");
                output.Out.WriteLine($"  private: {uri.ObjectUri(keyId, ObjectClass.PrivateKey)}");
                output.Out.WriteLine($"  public:  {uri.ObjectUri(keyId, ObjectClass.PublicKey)}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Sign(CliOutput output)
    {
        var options = new P11Options();
        var key = new Option<string>("--key") { Description = "pkcs11: URI of the private key.", Required = true };
        var mechanism = new Option<string>("--mechanism", "-m") { Description = $"{string.Join(", ", CardKit.Pkcs11.Mechanisms.SignatureNames)}.", Required = true };
        var input = new Option<string>("--in") { Description = "File to sign.", Required = true };
        var outFile = new Option<string>("--out") { Description = "Signature file (ECDSA: DER, as OpenSSL expects).", Required = true };
        var command = new Command("sign", "Sign a file with a key that stays in the token.") { key, mechanism, input, outFile };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var scheme = Scheme(parse.GetValue(mechanism)!);
            var data = ReadInput(parse.GetValue(input)!);
            var uri = P11Options.ParseUri(parse.GetValue(key)!);
            var (module, session) = options.Open(parse, uri, readWrite: false, loginRequired: true);
            using (module)
            using (session)
            {
                var handle = UriSelection.FindOne(session, uri);
                var signature = session.Sign(scheme, handle, data);
                File.WriteAllBytes(parse.GetValue(outFile)!, scheme.IsEcdsa ? SignatureScheme.ToDer(signature) : signature);
                output.Out.WriteLine($"{scheme.Name} signature of {data.Length} bytes written to {parse.GetValue(outFile)}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Verify(CliOutput output)
    {
        var options = new P11Options();
        var key = new Option<string>("--key") { Description = "pkcs11: URI of the public key.", Required = true };
        var mechanism = new Option<string>("--mechanism", "-m") { Description = "As for sign.", Required = true };
        var input = new Option<string>("--in") { Description = "Signed file.", Required = true };
        var signatureFile = new Option<string>("--signature") { Description = "Signature file (ECDSA: DER or r||s).", Required = true };
        var command = new Command("verify", "Verify a signature with a public key on the token (exit 1 when it does not verify).") { key, mechanism, input, signatureFile };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var scheme = Scheme(parse.GetValue(mechanism)!);
            var data = ReadInput(parse.GetValue(input)!);
            var signature = ReadInput(parse.GetValue(signatureFile)!);
            var uri = P11Options.ParseUri(parse.GetValue(key)!);
            var (module, session) = options.Open(parse, uri, readWrite: false, loginRequired: false);
            using (module)
            using (session)
            {
                var handle = UriSelection.FindOne(session, uri);
                if (scheme.IsEcdsa && signature.Length > 0 && signature[0] == 0x30)
                {
                    var fieldBytes = (PublicKeys.Read(session, handle).KeySize + 7) / 8;
                    signature = SignatureScheme.FromDer(signature, fieldBytes);
                }
                if (!session.Verify(scheme, handle, data, signature))
                    throw CliException.CardOrData("signature does NOT verify");
                output.Out.WriteLine("Verified OK");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command ExportPublicKey(CliOutput output) =>
        P11Export.Create(output, "export-pubkey", "Export a public key as SubjectPublicKeyInfo PEM or DER (OpenSSL reads both).",
            "--key", "pkcs11: URI of the public key.", "PUBLIC KEY", PublicKeys.ExportDer, path => $"public key written to {path}");

    private static Command Random(CliOutput output)
    {
        var options = new P11Options();
        var token = new Option<string>("--token") { Description = "pkcs11: URI of the token.", Required = true };
        var count = new Argument<int>("count") { Description = "Number of random bytes (1-4096)." };
        var command = new Command("random", "Random bytes from the token's generator, in hex.") { token, count };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 4096)
                throw CliException.Usage("count must be 1 to 4096");
            var (module, session) = options.Open(parse, P11Options.ParseUri(parse.GetValue(token)!), readWrite: false, loginRequired: false);
            using (module)
            using (session)
                output.Out.WriteLine(Hex.Format(session.GenerateRandom(n), '\0'));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SignatureScheme Scheme(string name)
    {
        try
        {
            return SignatureScheme.Parse(name);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message);
        }
    }

    private static byte[] ReadInput(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw CliException.Usage($"'{path}' not found");
        }
    }
}
