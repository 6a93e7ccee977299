using System.Diagnostics;
using CardKit.Pkcs11;

namespace CardKit.Benchmarks;

/// <summary>
/// CardKit's side of bench/pkcs11/compare.sh (a plain loop, like the C and PyKCS11 ones):
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- p11-sign MODULE TOKEN PIN LABEL N [ecdsa]
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- p11-find MODULE TOKEN PIN
/// </summary>
internal static class Pkcs11Loop
{
    public static int Run(string[] args)
    {
        using var module = Pkcs11Module.Load(args[1]);
        var slot = module.FindToken(args[2]) ?? throw new InvalidOperationException($"no token {args[2]}");
        using var session = slot.OpenSession();
        session.Login(args[3]);
        if (args[0] == "p11-find")
        {
            session.GetAttributes(session.FindObjects([])[0], AttributeType.Class); // warm-up
            var clock = Stopwatch.StartNew();
            var objects = session.FindObjects([AttributeValue.Of(ObjectClass.Data)]);
            foreach (var o in objects)
                session.GetAttributes(o, AttributeType.Class, AttributeType.Label, AttributeType.Token, AttributeType.Private, AttributeType.Value);
            Console.WriteLine($"CardKit: found {objects.Count} objects and read 5 attributes each in {clock.Elapsed.TotalMilliseconds:0.0} ms");
            return 0;
        }
        var ecdsa = args.Length > 6;
        var key = session.FindObjects([AttributeValue.Of(ObjectClass.PrivateKey), AttributeValue.Text(AttributeType.Label, args[4])]).Single();
        var n = int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture);
        using var mechanism = SignatureScheme.Parse(ecdsa ? "ECDSA-SHA256" : "SHA256-RSA-PKCS").Mechanism(module);
        var data = new byte[32];
        data[0] = 1;
        var signature = new byte[512];
        // Warm-up: let the JIT finish the loop's code (the C loop needs none).
        for (var i = 0; i < Math.Max(50, n / 10); i++)
            session.Sign(mechanism, key, data, signature);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
            session.Sign(mechanism, key, data, signature);
        Console.WriteLine($"CardKit: {n} {(ecdsa ? "ECDSA P-256" : "RSA-2048")} signatures, {n / watch.Elapsed.TotalSeconds:0}/s");
        return 0;
    }
}
